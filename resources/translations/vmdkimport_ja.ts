<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ConnectionPage</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="102"/>
        <source>Connection</source>
        <extracomment>how long after the page is shown the keyring is first asked: the window paints first the service locks an account after this many failed sign-ins within LOCKOUT_WINDOW ... ... for this long, during which even the right password is answered &quot;rejected&quot;</extracomment>
        <translation>接続</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="103"/>
        <source>Sign in to your FUJITSU K5 / FJcloud-O project. The password is kept only in the system keyring, if you ask.</source>
        <translation>FUJITSU K5 / FJcloud-Oのプロジェクトにサインインします。パスワードは、指定した場合にのみシステムのキーリングに保存されます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="111"/>
        <source>Custom endpoints</source>
        <translation>カスタムエンドポイント</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="115"/>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="117"/>
        <source>optional: from the service catalog</source>
        <translation>省略可: サービスカタログから取得します</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="121"/>
        <source>project name or project ID</source>
        <translation>プロジェクト名またはプロジェクトID</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="124"/>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="470"/>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="128"/>
        <source>Remember the password in the system keyring</source>
        <translation>パスワードをシステムのキーリングに保存する</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="135"/>
        <source>&amp;Sign in</source>
        <translation>サインイン(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="148"/>
        <source>Pro&amp;file:</source>
        <translation>プロファイル(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="149"/>
        <source>&amp;Region:</source>
        <translation>リージョン(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="150"/>
        <source>&amp;Identity URL:</source>
        <translation>認証URL(&amp;I):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="151"/>
        <source>&amp;Object storage URL:</source>
        <translation>オブジェクトストレージURL(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="152"/>
        <source>I&amp;mport URL:</source>
        <translation>インポートURL(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="153"/>
        <source>&amp;Contract number:</source>
        <translation>契約番号(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="154"/>
        <source>&amp;User name:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="155"/>
        <source>Pro&amp;ject:</source>
        <translation>プロジェクト(&amp;J):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="156"/>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="240"/>
        <source>Not available here: %1</source>
        <extracomment>the keyring is first asked on a worker after the first paint; until then fill() leaves the password of the profile it shows to that first question</extracomment>
        <translation>この環境では使用できません: %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="247"/>
        <source>%1 import(s) from earlier are still converting: sign in, then History shows and refreshes them.</source>
        <translation>以前に開始したインポートのうち%1件がまだ変換中です。サインインすると、履歴で状態を確認・更新できます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="317"/>
        <source>Locked until %1: the service rejects even the right password until then.</source>
        <translation>%1 までロック中です。それまでは正しいパスワードでも拒否されます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="323"/>
        <source>This password was rejected. Change it (or the user) to sign in again: each rejected try counts towards the lockout.</source>
        <translation>このパスワードは拒否されました。再度サインインするには、パスワード（またはユーザー）を変更してください。拒否された試行はロックの回数に数えられます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="348"/>
        <source>Signing in…</source>
        <translation>サインインしています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="373"/>
        <source>Signed in as %1 (contract %2) to project %3 (%4).
Object storage: %5
Image import: %6
Token valid until %7.</source>
        <translation>%1（契約番号 %2）としてプロジェクト %3（%4）にサインインしました。
オブジェクトストレージ: %5
イメージインポート: %6
トークンの有効期限: %7</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="421"/>
        <source>That was the 5th failed sign-in: the service has now locked this account for 15 minutes, until %1. Until then even the right password is rejected.</source>
        <translation>5回目のサインイン失敗です。サービスはこのアカウントを15分間（%1 まで）ロックしました。それまでは正しいパスワードでも拒否されます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="424"/>
        <source>Failed sign-ins in this session: %1 of 5.</source>
        <translation>このセッションでのサインイン失敗: 5回中%1回。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="426"/>
        <source>Careful: the next failed sign-in locks the account for 15 minutes, even for the right password.</source>
        <translation>注意: 次にサインインに失敗すると、アカウントが15分間ロックされ、正しいパスワードでもサインインできなくなります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="440"/>
        <source>The connection changed: sign in again.</source>
        <translation>接続情報が変更されました。もう一度サインインしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="457"/>
        <source>The password could not be stored in the keyring: %1</source>
        <translation>パスワードをキーリングに保存できませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="470"/>
        <source>Hide</source>
        <translation>非表示</translation>
    </message>
</context>
<context>
    <name>DestinationPage</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="49"/>
        <source>Destination</source>
        <extracomment>the sizes offered for segments (the default 256 MiB is core&apos;s DEFAULT_SEGMENT_SIZE)</extracomment>
        <translation>アップロード先</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="50"/>
        <source>Where in object storage the disk is uploaded. The import service reads it from there.</source>
        <translation>ディスクをアップロードする、オブジェクトストレージ上の場所を指定します。インポートサービスはここからディスクを読み込みます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="62"/>
        <source>&amp;Replace the existing object</source>
        <translation>既存のオブジェクトを置き換える(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="64"/>
        <source>Chec&amp;k again</source>
        <translation>再確認(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="70"/>
        <source>&amp;Advanced</source>
        <translation>詳細設定(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="77"/>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="78"/>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="84"/>
        <source> MiB/s</source>
        <translation> MiB/s</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="85"/>
        <source>Unlimited</source>
        <translation>無制限</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="87"/>
        <source>Dynamic large object (DLO)</source>
        <translation>ダイナミックラージオブジェクト（DLO）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="88"/>
        <source>Static large object (SLO)</source>
        <translation>スタティックラージオブジェクト（SLO）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="92"/>
        <source>Se&amp;gment size:</source>
        <translation>セグメントサイズ(&amp;G):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="93"/>
        <source>&amp;Parallel segments:</source>
        <translation>並列セグメント数(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="94"/>
        <source>Band&amp;width limit:</source>
        <translation>帯域幅の上限(&amp;W):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="99"/>
        <source>Con&amp;tainer:</source>
        <translation>コンテナ(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="95"/>
        <source>&amp;Manifest:</source>
        <translation>マニフェスト(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="101"/>
        <source>&amp;Object name:</source>
        <translation>オブジェクト名(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="103"/>
        <source>&amp;Location:</source>
        <translation>格納場所(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="225"/>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="268"/>
        <source>Checking the destination…</source>
        <translation>アップロード先を確認しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="254"/>
        <source>Sign in first (page Connection).</source>
        <translation>先に「接続」ページでサインインしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="350"/>
        <source>This object storage does not offer static large objects (SLO).</source>
        <translation>このオブジェクトストレージは、スタティックラージオブジェクト（SLO）に対応していません。</translation>
    </message>
</context>
<context>
    <name>DiskPage</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="173"/>
        <source>Disk image</source>
        <extracomment>how long typing must pause before the path is inspected: long enough not to inspect every prefix of a path being typed, short enough to feel like an answer to the paste what the worker reports once the pre-flight is done: its answer, whether the guest is inspected next (the card then says it is looking inside), and the conversion offered what the worker returns: the pre-flight&apos;s answer, the conversion offered and the guest&apos;s answer (None: not readable here)</extracomment>
        <translation>ディスクイメージ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="174"/>
        <source>Choose the VMware disk to import: a file on this computer (a .vmdk, or an OVA/OVF/VMX export), or an object you already uploaded.</source>
        <translation>インポートするVMwareディスク（.vmdk、OVA/OVF/VMX）か、アップロード済みのオブジェクトを選択します。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="179"/>
        <source>A disk &amp;file on this computer</source>
        <translation>このコンピューター上のディスクファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="180"/>
        <source>An object already in object &amp;storage</source>
        <translation>オブジェクトストレージにアップロード済みのオブジェクト(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="188"/>
        <source>path of a .vmdk, .ova, .ovf or .vmx file (or drop the file here)</source>
        <translation>.vmdk、.ova、.ovf、.vmxファイルのパス（ドロップも可）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="205"/>
        <source>Con&amp;vert…</source>
        <translation>変換(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="206"/>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="513"/>
        <source>Write a streamOptimized copy of the disk with qemu-img</source>
        <translation>qemu-imgで、ディスクのstreamOptimized形式のコピーを作成します</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="244"/>
        <source>&amp;Disk file:</source>
        <translation>ディスクファイル(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="274"/>
        <source>C&amp;ontainer:</source>
        <translation>コンテナ(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="190"/>
        <source>B&amp;rowse…</source>
        <translation>参照(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="200"/>
        <source>The disk is sent as a compressed streamOptimized VMDK, converted on the way: no temporary file and no qemu-img. An interrupted upload resumes when you upload the same disk again.</source>
        <translation>ディスクは送信しながら圧縮されたstreamOptimized形式のVMDKに変換されます。一時ファイルもqemu-imgも使いません。中断したアップロードは、同じディスクをもう一度アップロードすると途中から再開します。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="212"/>
        <source>C&amp;ancel conversion</source>
        <translation>変換を中止(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="217"/>
        <source>&amp;Upload anyway: the service will probably reject it</source>
        <translation>このままアップロードする（サービスに拒否される可能性が高い）(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="219"/>
        <source>Uploads the whole file as it is, without the fix above. Only for a file you know the service takes.</source>
        <translation>上記の修正を行わずに、ファイル全体をそのままアップロードします。サービスが受け付けることが分かっているファイルの場合にのみ使用してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="230"/>
        <source>Upload anyway: I have &amp;checked this guest myself</source>
        <translation>このままアップロードする（ゲストは自分で確認済み）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="232"/>
        <source>The inspection says this guest cannot run in the cloud. Tick this only if you know better; the choice is logged.</source>
        <translation>検査の結果、このゲストはクラウドで動作しないと判定されました。問題がないと確認できている場合にのみチェックしてください。この選択はログに記録されます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="275"/>
        <source>Ob&amp;ject:</source>
        <translation>オブジェクト(&amp;J):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="346"/>
        <source>Choose a disk image</source>
        <extracomment>the guest inspection running (set: stop it) and its answer for the file shown</extracomment>
        <translation>ディスクイメージの選択</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="347"/>
        <source>Disk images (*.vmdk *.ova *.ovf *.vmx);;All files (*)</source>
        <translation>ディスクイメージ (*.vmdk *.ova *.ovf *.vmx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="382"/>
        <source>Choose or type the path of a disk file.</source>
        <translation>ディスクファイルを選択するか、パスを入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="415"/>
        <source>Checking %1…</source>
        <translation>%1を確認しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="465"/>
        <source>The file can be imported, but the guest in it cannot run in the cloud as it is. See why below.</source>
        <translation>ファイルはインポートできますが、中のゲストはこのままではクラウドで動作しません。理由は下記を参照してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="511"/>
        <source>Write a streamOptimized copy of the disk to a file with the built-in converter</source>
        <translation>内蔵の変換機能で、ディスクのstreamOptimized形式のコピーをファイルに書き出します</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="534"/>
        <source>This file cannot be imported as it is. See the fix below.</source>
        <translation>このファイルは、このままではインポートできません。下記の対処方法を参照してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="538"/>
        <source>This file cannot be imported as it is: it is converted while uploading, which fixes it.</source>
        <translation>このファイルはそのままではインポートできませんが、アップロード中に変換することで解決します。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="541"/>
        <source>This file can be imported; it is converted while uploading.</source>
        <translation>このファイルはインポートできます。アップロード中に変換されます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="544"/>
        <source>This file can be imported; read the warnings below.</source>
        <translation>このファイルはインポートできます。下記の警告を確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="547"/>
        <source>This file can be imported.</source>
        <translation>このファイルはインポートできます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="563"/>
        <source>Convert &amp;while uploading (recommended): about %1 to send instead of %2</source>
        <translation>アップロード中に変換する（推奨）: 送信量は%2ではなく約%1です(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="567"/>
        <source>Convert &amp;while uploading (recommended): a compressed streamOptimized VMDK</source>
        <translation>アップロード中に変換する（推奨）: 圧縮されたstreamOptimized形式のVMDKとして送信します(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="640"/>
        <source>importable</source>
        <translation>インポート可能</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="641"/>
        <source>importable, with warnings</source>
        <translation>インポート可能（警告あり）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="642"/>
        <source>refused: this file cannot be imported as it is</source>
        <translation>インポート不可: このファイルは、このままではインポートできません</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="643"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="644"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="646"/>
        <source>Subformat</source>
        <translation>サブフォーマット</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="648"/>
        <source>Virtual size</source>
        <translation>仮想サイズ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="649"/>
        <source>File size</source>
        <translation>ファイルサイズ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="650"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="655"/>
        <source>Warning: </source>
        <translation>警告: </translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="656"/>
        <source>Refused: </source>
        <translation>不可: </translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="657"/>
        <source>Findings</source>
        <translation>確認結果</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="658"/>
        <source>Fix</source>
        <translation>対処方法</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="659"/>
        <source>qemu-img is not installed.</source>
        <translation>qemu-imgがインストールされていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="669"/>
        <source>The built-in converter reads this disk: it is converted while uploading, or Convert… writes a streamOptimized copy to a file.</source>
        <translation>このディスクは内蔵の変換機能で読み取れます。アップロード中に変換されます。ファイルとして必要な場合は「変換…」でstreamOptimized形式のコピーを書き出せます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="674"/>
        <source>qemu-img is installed: Convert… runs this for you:</source>
        <translation>qemu-imgがインストールされています。「変換…」を押すと、次のコマンドが実行されます:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="688"/>
        <source>Save the converted disk as</source>
        <translation>変換後のディスクの保存先</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="689"/>
        <source>VMDK disks (*.vmdk)</source>
        <translation>VMDKディスク (*.vmdk)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="707"/>
        <source>Converting… %p%</source>
        <translation>変換しています… %p%</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="708"/>
        <source>Converting to %1…</source>
        <translation>%1に変換しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="728"/>
        <source>Cancelling the conversion…</source>
        <translation>変換を中止しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="740"/>
        <source>Converted: %p%</source>
        <translation>変換済み: %p%</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="748"/>
        <source>The conversion was cancelled; the partial file was removed.</source>
        <translation>変換を中止しました。作成途中のファイルは削除されました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="807"/>
        <source>Sign in first (page Connection).</source>
        <translation>先に「接続」ページでサインインしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="812"/>
        <source>Listing the containers…</source>
        <translation>コンテナの一覧を取得しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="826"/>
        <source>This project has no container yet: upload a file instead.</source>
        <translation>このプロジェクトにはまだコンテナがありません。代わりにファイルをアップロードしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="847"/>
        <source>Listing the objects of %1…</source>
        <translation>%1のオブジェクトの一覧を取得しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="863"/>
        <source>Choose the disk to register.</source>
        <translation>登録するディスクを選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="865"/>
        <source>No .vmdk object in %1.</source>
        <translation>%1には.vmdkオブジェクトがありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="936"/>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2バイト）</translation>
    </message>
</context>
<context>
    <name>GuestCard</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/guest_card.py" line="97"/>
        <source>64-bit</source>
        <extracomment>findings shown before &quot;Show all&quot;: enough for the usual report, few enough to read at a glance the card&apos;s colour per state: (accent for the border and the headline, background tint) finding levels in the order they are listed: what stops the import first</extracomment>
        <translation>64ビット</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/guest_card.py" line="99"/>
        <source>32-bit</source>
        <translation>32ビット</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/guest_card.py" line="133"/>
        <location filename="../../gui/vmdkimport/qt/guest_card.py" line="271"/>
        <source>(unconfirmed)</source>
        <translation>（未確認）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/guest_card.py" line="239"/>
        <source>Looking inside the disk…</source>
        <translation>ディスクの中を確認しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/guest_card.py" line="253"/>
        <source>Ready: nothing found that would stop this guest from running in the cloud</source>
        <translation>準備完了: このゲストがクラウドで動作する妨げとなる問題は見つかりませんでした</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/guest_card.py" line="255"/>
        <source>Ready, with warnings: it can be imported, but read them first</source>
        <translation>準備完了（警告あり）: インポートできますが、先に警告を確認してください</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/guest_card.py" line="257"/>
        <source>Not ready: this guest cannot run in the cloud as it is</source>
        <translation>準備未完了: このゲストはこのままではクラウドで動作しません</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/guest_card.py" line="258"/>
        <source>Cannot inspect: the tool could not look inside this disk, so it cannot say whether the guest will run</source>
        <translation>検査不可: このディスクの中を確認できなかったため、ゲストが動作するかどうか判断できません</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/guest_card.py" line="275"/>
        <source>What to do: %1</source>
        <translation>対処方法: %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/guest_card.py" line="293"/>
        <source>Cannot inspect: looking inside this disk failed, so the tool cannot say whether the guest will run</source>
        <translation>検査不可: このディスクの中の確認に失敗したため、ゲストが動作するかどうか判断できません</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/guest_card.py" line="297"/>
        <source>You can still continue; check the guest yourself.</source>
        <translation>このまま続行できます。ゲストはご自身で確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/guest_card.py" line="359"/>
        <source>Operating system: %1</source>
        <translation>オペレーティングシステム: %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/guest_card.py" line="360"/>
        <source>none found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/guest_card.py" line="363"/>
        <source>Registered as: %1</source>
        <translation>登録するOS種別: %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/guest_card.py" line="366"/>
        <source>OS type: none chosen from the disk (%1)</source>
        <translation>OS種別: ディスクからは決まりません（%1）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/guest_card.py" line="369"/>
        <source>OS type: choose it on the Image settings page</source>
        <translation>OS種別: 「イメージの設定」ページで選択してください</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/guest_card.py" line="379"/>
        <source>Show all (%1)</source>
        <translation>すべて表示（%1件）</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="29"/>
        <source>Started</source>
        <translation>開始日時</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="30"/>
        <source>Import ID</source>
        <translation>インポートID</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="31"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="32"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="33"/>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="34"/>
        <source>Location</source>
        <translation>格納場所</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="35"/>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="40"/>
        <source>succeeded</source>
        <extracomment>the words for an import&apos;s state in the summary</extracomment>
        <translation>件成功</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="41"/>
        <source>failed</source>
        <translation>件失敗</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="42"/>
        <source>converting</source>
        <translation>件変換中</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="43"/>
        <source>queued</source>
        <translation>件待機中</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="44"/>
        <source>canceled</source>
        <translation>件キャンセル済み</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="45"/>
        <source>unknown to the service</source>
        <translation>件サービス側で不明</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="56"/>
        <source>Up to date: no import is still converting.</source>
        <translation>最新の状態です。変換中のインポートはありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="59"/>
        <source>Earlier imports: %1.</source>
        <translation>以前のインポート: %1。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="66"/>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="74"/>
        <source>&amp;Refresh from the service</source>
        <translation>サービスから更新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="78"/>
        <source>Sign in first (Connection page).</source>
        <translation>先に「接続」ページでサインインしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="114"/>
        <source>Asking the service…</source>
        <translation>サービスに問い合わせています…</translation>
    </message>
</context>
<context>
    <name>ImagePage</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="54"/>
        <source>Image settings</source>
        <translation>イメージの設定</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="55"/>
        <source>How the image is registered: its name, the OS on the disk and the optional settings of the register call.</source>
        <translation>イメージの登録内容（イメージ名、ディスクにインストールされているOS、登録APIの任意の設定）を指定します。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="65"/>
        <source>Choose the OS installed on the disk…</source>
        <translation>ディスクにインストールされているOSを選択…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="85"/>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="88"/>
        <source>blank: not sent (the service uses 0)</source>
        <extracomment>what the guest inspection found (&quot;Found on the disk: …&quot;) an OS type that contradicts the disk: the message with both values, and the way past</extracomment>
        <translation>空欄: 送信しません（サービス側で0を使用）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="90"/>
        <source>blank: the service assigns one</source>
        <translation>空欄: サービスが割り当てます</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="91"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="92"/>
        <source>A new random UUID, as uuidgen makes</source>
        <translation>uuidgenと同様に、ランダムなUUIDを新しく生成します</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="97"/>
        <source>&amp;Compute the SHA1 during the upload (recommended)</source>
        <translation>アップロード中にSHA1を計算する（推奨）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="98"/>
        <source>&amp;Paste a SHA1:</source>
        <translation>SHA1を貼り付ける(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="100"/>
        <source>40 hexadecimal digits</source>
        <translation>16進数40桁</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="101"/>
        <source>No chec&amp;ksum</source>
        <translation>チェックサムなし(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="107"/>
        <source>Windows licence activation (KMS)</source>
        <translation>Windowsライセンス認証（KMS）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="108"/>
        <source>Only for Windows images</source>
        <translation>Windowsイメージの場合のみ指定できます</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="111"/>
        <source>kms.example.com:%1 — blank: the region&apos;s default server, port %1</source>
        <translation>kms.example.com:%1 — 空欄: リージョンのデフォルトサーバ（ポート %1）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="113"/>
        <source>Acti&amp;vate Windows against the KMS server</source>
        <translation>KMSサーバでWindowsのライセンス認証を行う(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="118"/>
        <source>Image na&amp;me:</source>
        <translation>イメージ名(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="131"/>
        <source>&amp;OS type:</source>
        <translation>OS種別(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="132"/>
        <source>Minimum &amp;RAM (MB):</source>
        <translation>最小RAM容量（MB）(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="134"/>
        <source>Minimum &amp;disk (GB):</source>
        <translation>最小ディスク容量（GB）(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="143"/>
        <source>Image &amp;ID (optional):</source>
        <translation>イメージID（省略可）(&amp;I):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="157"/>
        <source>Checksum:</source>
        <translation>チェックサム:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="161"/>
        <source>KMS &amp;server:</source>
        <translation>KMSサーバ(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="225"/>
        <source>Pre-flight: %1</source>
        <translation>事前チェック: %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="228"/>
        <source>Found on the disk: %1</source>
        <translation>ディスク上で検出: %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="239"/>
        <source>Nothing is uploaded: the disk is already in object storage, so no SHA1 can be computed during an upload.</source>
        <translation>ディスクはすでにオブジェクトストレージにあり、アップロードは行われないため、アップロード中にSHA1を計算することはできません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="282"/>
        <source>Minimum RAM must be a whole number of MB.</source>
        <translation>最小RAM容量は、MB単位の整数で指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="285"/>
        <source>Minimum disk must be a whole number of GB.</source>
        <translation>最小ディスク容量は、GB単位の整数で指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="359"/>
        <source>&amp;Use %1 anyway</source>
        <translation>%1 をそのまま使用する(&amp;U)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/selftest.py" line="88"/>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="46"/>
        <source>VM Image Import Wizard</source>
        <extracomment>the page the wizard opens on, built with the window; the others follow its first paint how long after the window shows the other pages are built: time for the first paint background tasks whose work is lost when the wizard closes or leaves their page (sign-in, checks and status polls are redone or carried on at no cost; the ledger keeps imports) common kana and kanji: a font that has all of them shows the Japanese UI</extracomment>
        <translation>VMイメージインポートウィザード</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="59"/>
        <source>&amp;History…</source>
        <translation>履歴(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="60"/>
        <source>&amp;About</source>
        <translation>バージョン情報(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="61"/>
        <source>Se&amp;ttings…</source>
        <translation>設定(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="162"/>
        <source>Conversion in progress</source>
        <translation>変換中</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="163"/>
        <source>A disk conversion is running. Stop it? It starts again from the beginning the next time.</source>
        <translation>ディスクの変換を実行中です。停止しますか？次回は最初からやり直しになります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="167"/>
        <source>Quit the wizard?</source>
        <translation>ウィザードを終了しますか？</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="168"/>
        <source>You are signed in and have chosen a disk; nothing has been registered yet. Quit the wizard? These choices are not kept.</source>
        <translation>サインイン済みでディスクも選択されていますが、まだ何も登録されていません。ウィザードを終了しますか？これらの選択内容は保存されません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="246"/>
        <source>About</source>
        <translation>バージョン情報</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="250"/>
        <source>VM Image Import Wizard %1</source>
        <translation>VMイメージインポートウィザード %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="255"/>
        <source>Takes a VMware disk to a registered image in FUJITSU K5 / FJcloud-O.</source>
        <translation>VMwareのディスクを、FUJITSU K5 / FJcloud-Oのイメージとして登録します。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="258"/>
        <source>&amp;Logs (never containing passwords or tokens):</source>
        <translation>ログ（パスワードやトークンは記録されません）(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="264"/>
        <source>Open log folder</source>
        <translation>ログフォルダーを開く</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="320"/>
        <source>%1 is chosen. Sign in first: the Disk image page then shows it.</source>
        <translation>%1を選択しました。先にサインインしてください。サインイン後、「ディスクイメージ」ページに表示されます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="158"/>
        <source>Upload in progress</source>
        <translation>アップロード中</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="159"/>
        <source>An upload is running. Stop it? It resumes where it stopped the next time you upload the same disk.</source>
        <translation>アップロードを実行中です。停止しますか？次回同じディスクをアップロードすると、停止した位置から再開されます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/app.py" line="148"/>
        <source>%1 — demo (sandbox cloud)</source>
        <extracomment>how long the demo&apos;s sandbox cloud takes to &quot;convert&quot; an import: long enough to watch the Status page move, short enough to wait for when the fonts are checked for the chosen language: after the window has painted</extracomment>
        <translation>%1 — デモ（サンドボックスクラウド）</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="67"/>
        <source>Review</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="68"/>
        <source>Check everything before the upload starts. The request body below is exactly what is sent (the token goes in a header).</source>
        <translation>送信前にすべての内容を確認してください。下のリクエストボディがそのまま送信されます（トークンはヘッダーで送信）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="70"/>
        <source>Connection</source>
        <translation>接続</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="70"/>
        <source>Edit &amp;connection</source>
        <translation>接続を編集(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="71"/>
        <source>Disk</source>
        <translation>ディスク</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="71"/>
        <source>Edit &amp;disk</source>
        <translation>ディスクを編集(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="72"/>
        <source>Destination</source>
        <translation>アップロード先</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="72"/>
        <source>Edit destinati&amp;on</source>
        <translation>アップロード先を編集(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="73"/>
        <source>Image</source>
        <translation>イメージ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="73"/>
        <source>Edit &amp;image</source>
        <translation>イメージを編集(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="84"/>
        <source>Request &amp;body (POST /v1/imageimport):</source>
        <translation>リクエストボディ（POST /v1/imageimport）(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="109"/>
        <source>&amp;Register</source>
        <translation>登録(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="109"/>
        <source>&amp;Upload and register</source>
        <translation>アップロードして登録(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="118"/>
        <source>Fix these image settings first (Edit image):</source>
        <translation>先に次のイメージの設定を修正してください（「イメージを編集」）:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="129"/>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="136"/>
        <source>User:</source>
        <translation>ユーザー:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="130"/>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="137"/>
        <source>Contract:</source>
        <translation>契約番号:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="131"/>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="138"/>
        <source>Project:</source>
        <translation>プロジェクト:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="132"/>
        <source>Status:</source>
        <translation>状態:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="132"/>
        <source>not signed in</source>
        <translation>未サインイン</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="139"/>
        <source>Object storage:</source>
        <translation>オブジェクトストレージ:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="140"/>
        <source>Image import:</source>
        <translation>イメージインポート:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="146"/>
        <source>Existing object:</source>
        <translation>既存のオブジェクト:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="147"/>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="170"/>
        <source>Upload:</source>
        <translation>アップロード:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="147"/>
        <source>none: the disk is already in object storage</source>
        <translation>なし: ディスクはすでにオブジェクトストレージにあります</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="148"/>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="148"/>
        <source>(none chosen)</source>
        <translation>（未選択）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="155"/>
        <source>importable</source>
        <translation>インポート可能</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="156"/>
        <source>importable, with warnings</source>
        <translation>インポート可能（警告あり）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="157"/>
        <source>refused</source>
        <translation>インポート不可</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="158"/>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="167"/>
        <source>Pre-flight:</source>
        <translation>事前チェック:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="160"/>
        <source>Virtual size:</source>
        <translation>仮想サイズ:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="161"/>
        <source>File size:</source>
        <translation>ファイルサイズ:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="165"/>
        <source>Findings:</source>
        <translation>検出事項:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="167"/>
        <source>not run</source>
        <translation>未実行</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="175"/>
        <source>Container/object:</source>
        <translation>コンテナ/オブジェクト:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="176"/>
        <source>Location:</source>
        <translation>格納場所:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="179"/>
        <source>DLO (dynamic large object)</source>
        <translation>DLO（ダイナミックラージオブジェクト）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="180"/>
        <source>SLO (static large object)</source>
        <translation>SLO（スタティックラージオブジェクト）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="183"/>
        <source>Segment size:</source>
        <translation>セグメントサイズ:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="184"/>
        <source>Parallel segments:</source>
        <translation>並列セグメント数:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="185"/>
        <source>Bandwidth limit:</source>
        <translation>帯域幅の上限:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="186"/>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="203"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="187"/>
        <source>Manifest:</source>
        <translation>マニフェスト:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="188"/>
        <source>Overwrite:</source>
        <translation>上書き:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="189"/>
        <source>yes, replace an existing object</source>
        <translation>する（既存のオブジェクトを置き換えます）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="190"/>
        <source>no, stop if the object exists</source>
        <translation>しない（オブジェクトが存在する場合は中止します）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="196"/>
        <source>not sent (the service uses 0)</source>
        <translation>送信しない（サービス側で0を使用）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="199"/>
        <source>(not chosen)</source>
        <translation>（未選択）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="201"/>
        <source>computed during the upload</source>
        <translation>アップロード中に計算</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="208"/>
        <source>Name:</source>
        <translation>名前:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="209"/>
        <source>OS type:</source>
        <translation>OS種別:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="210"/>
        <source>Minimum RAM:</source>
        <translation>最小RAM容量:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="212"/>
        <source>Minimum disk:</source>
        <translation>最小ディスク容量:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="214"/>
        <source>Image ID:</source>
        <translation>イメージID:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="215"/>
        <source>assigned by the service</source>
        <translation>サービスが割り当て</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="216"/>
        <source>Checksum (SHA1):</source>
        <translation>チェックサム（SHA1）:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="217"/>
        <source>KMS:</source>
        <translation>KMS:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="224"/>
        <source>not sent (only for Windows images)</source>
        <translation>送信しない（Windowsイメージの場合のみ）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="226"/>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="227"/>
        <source>the region&apos;s default server, port %1</source>
        <translation>リージョンのデフォルトサーバ（ポート %1）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="229"/>
        <source>activate</source>
        <translation>ライセンス認証を行う</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="229"/>
        <source>do not activate</source>
        <translation>ライセンス認証を行わない</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="25"/>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="26"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="32"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="35"/>
        <source>System proxy settings</source>
        <translation>システムのプロキシ設定</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="36"/>
        <source>No proxy</source>
        <translation>プロキシを使用しない</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="36"/>
        <source>Manual proxy</source>
        <translation>プロキシを手動で設定</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="40"/>
        <source>Trust the certificates installed in the system</source>
        <translation>システムにインストールされている証明書を信頼する</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="42"/>
        <source>optional: a PEM file with your company&apos;s CA</source>
        <translation>省略可: 社内CAのPEMファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="43"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="45"/>
        <source>Verify TLS certificates (turn off only for test systems)</source>
        <translation>TLS証明書を検証する（無効にするのはテスト環境の場合のみ）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="49"/>
        <source>Allow plain http to other computers (sends your password and token unencrypted)</source>
        <translation>他のコンピューターへの暗号化されていないhttpを許可する（パスワードとトークンが暗号化されずに送信されます）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="61"/>
        <source>&amp;Proxy:</source>
        <translation>プロキシ(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="62"/>
        <source>Proxy &amp;URL:</source>
        <translation>プロキシURL(&amp;U):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="67"/>
        <source>&amp;CA bundle:</source>
        <translation>CAバンドル(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="72"/>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="75"/>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="76"/>
        <source>A new language applies at the next start.</source>
        <translation>言語の変更は、次回の起動時に反映されます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="77"/>
        <source>&amp;Segment size:</source>
        <translation>セグメントサイズ(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="78"/>
        <source>Para&amp;llel segments:</source>
        <translation>並列セグメント数(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="79"/>
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="129"/>
        <source>CA bundle</source>
        <translation>CAバンドル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="130"/>
        <source>Certificates (*.pem *.crt);;All (*)</source>
        <translation>証明書 (*.pem *.crt);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="32"/>
        <source>Import status</source>
        <extracomment>how often to ask; tests make it faster</extracomment>
        <translation>インポートの状態</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="33"/>
        <source>The cloud converts the disk into an image. This takes time: about a day for 300 GB. You may close the wizard: the History button follows the import at any later start.</source>
        <translation>クラウドでディスクをイメージに変換します（300 GBで約1日）。ウィザードを閉じても、後で「履歴」から確認できます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="54"/>
        <source>Import ID: %1</source>
        <extracomment>the service has been converting this import: a later &quot;queued&quot; is a return to the queue</extracomment>
        <translation>インポートID: %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="68"/>
        <source>Asking for the status…</source>
        <translation>状態を問い合わせています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="76"/>
        <source>The status is not available right now; trying again. (%1)</source>
        <translation>現在、状態を取得できません。再試行しています。（%1）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="80"/>
        <source>Queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="81"/>
        <source>Converting</source>
        <translation>変換中</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="82"/>
        <source>Succeeded: the image is registered</source>
        <translation>成功: イメージが登録されました</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="83"/>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="84"/>
        <source>Canceled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="88"/>
        <source>Queued again</source>
        <translation>再び待機中</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="91"/>
        <source>Last checked %1</source>
        <translation>最終確認: %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="94"/>
        <source>The service gave no reason.</source>
        <translation>サービスから理由は返されませんでした。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="97"/>
        <source>Image ID %1. It is private to your project; find it under Compute &gt; Images.</source>
        <translation>イメージID: %1。このイメージはお使いのプロジェクト専用です。「コンピュート」&gt;「イメージ」で確認できます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="102"/>
        <source>The service put the import back in the queue after converting had reached %1 %. It continues by itself: nothing to do.</source>
        <translation>変換が %1 % まで進んだ後、サービスがインポートを待機キューに戻しました。処理は自動的に続行されます。操作は不要です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="117"/>
        <source>The import has ended</source>
        <translation>インポートが終了しました</translation>
    </message>
</context>
<context>
    <name>StepsPanel</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/steps.py" line="63"/>
        <source>Connection</source>
        <extracomment>the sign before a step&apos;s name; the current step is also bold</extracomment>
        <translation>接続</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/steps.py" line="64"/>
        <source>Disk image</source>
        <translation>ディスクイメージ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/steps.py" line="65"/>
        <source>Destination</source>
        <translation>アップロード先</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/steps.py" line="66"/>
        <source>Image settings</source>
        <translation>イメージの設定</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/steps.py" line="67"/>
        <source>Review</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/steps.py" line="68"/>
        <source>Upload and register</source>
        <translation>アップロードと登録</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/steps.py" line="69"/>
        <source>Import status</source>
        <translation>インポートの状態</translation>
    </message>
</context>
<context>
    <name>SubmitPage</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="69"/>
        <source>Upload and register</source>
        <extracomment>seconds of uploading before the throughput graph starts: the first rates are noise UploadEvent.segment_states&apos; bytes -&gt; the map&apos;s cells</extracomment>
        <translation>アップロードと登録</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="70"/>
        <source>The disk goes to object storage, then the image is registered. Pause or stop at any time: a stopped upload resumes where it stopped.</source>
        <translation>ディスクをアップロードしてからイメージを登録します。停止したアップロードは、停止した位置から再開されます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="74"/>
        <source>Follow the import</source>
        <translation>インポートの状態を確認</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="80"/>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="400"/>
        <source>&amp;Pause</source>
        <translation>一時停止(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="83"/>
        <source>&amp;Cancel upload</source>
        <translation>アップロードを中止(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="86"/>
        <source>&amp;Go to field</source>
        <translation>該当する項目へ移動(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="88"/>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="380"/>
        <source>&amp;Retry</source>
        <translation>再試行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="92"/>
        <source>Import ID:</source>
        <translation>インポートID:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="94"/>
        <source>C&amp;opy</source>
        <translation>コピー(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="140"/>
        <source>Throughput</source>
        <extracomment>this page&apos;s last completed converting upload, and the request it was for: a register that failed is retried without converting the whole disk again to prove it</extracomment>
        <translation>転送速度</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="142"/>
        <source>Segments</source>
        <translation>セグメント</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="222"/>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="246"/>
        <source>Converting and uploading…</source>
        <translation>変換しながらアップロードしています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="223"/>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="247"/>
        <source>Uploading…</source>
        <translation>アップロードしています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="224"/>
        <source>Registering…</source>
        <translation>登録しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="233"/>
        <source>Registering the image…</source>
        <translation>イメージを登録しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="245"/>
        <source>Checking object storage…</source>
        <translation>オブジェクトストレージを確認しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="248"/>
        <source>Computing the SHA1 checksum…</source>
        <translation>SHA1チェックサムを計算しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="249"/>
        <source>Writing the manifest…</source>
        <translation>マニフェストを書き込んでいます…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="250"/>
        <source>Deleting the replaced object&apos;s segments…</source>
        <translation>置き換えたオブジェクトのセグメントを削除しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="251"/>
        <source>Upload complete.</source>
        <translation>アップロードが完了しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="254"/>
        <source>Paused.</source>
        <translation>一時停止しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="258"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="260"/>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="261"/>
        <source>ETA %1</source>
        <translation>残り約%1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="263"/>
        <source>segments %1/%2</source>
        <translation>セグメント %1/%2</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="265"/>
        <source>segments %1 of about %2</source>
        <translation>セグメント %1/約%2</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="269"/>
        <source>(%1 already there)</source>
        <translation>（%1個はアップロード済み）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="273"/>
        <source>retries %1</source>
        <translation>再試行 %1回</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="286"/>
        <source>converted %1 of %2</source>
        <translation>変換済み %1/%2</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="289"/>
        <source>sent %1 of about %2</source>
        <translation>送信済み %1/約%2</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="292"/>
        <source>sent %1</source>
        <translation>送信済み %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="324"/>
        <source>Sent: %1</source>
        <translation>送信済み: %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="324"/>
        <source>Sending: %1</source>
        <translation>送信中: %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="325"/>
        <source>Waiting: %1</source>
        <translation>待機中: %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="326"/>
        <source>Already there: %1</source>
        <translation>アップロード済み: %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="340"/>
        <source>The import has started.</source>
        <translation>インポートを開始しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="341"/>
        <source>The image is being imported. The import ID is saved in the ledger (History); you can close the wizard and follow it later.</source>
        <translation>イメージをインポートしています。インポートIDは履歴に保存されるため、ウィザードを閉じて、後から状態を確認できます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="344"/>
        <source>Converted to streamOptimized and uploaded %1 to %2 (SHA1 %3, of the object).</source>
        <translation>streamOptimized形式に変換し、%1を%2にアップロードしました（オブジェクトのSHA1: %3）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="349"/>
        <source>Uploaded %1 to %2 (SHA1 %3).</source>
        <translation>%1を%2にアップロードしました（SHA1: %3）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="357"/>
        <source>Upload complete: the import has started</source>
        <translation>アップロードが完了し、インポートを開始しました</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="358"/>
        <source>%1: import ID %2</source>
        <translation>%1: インポートID %2</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="367"/>
        <source>Upload stopped.</source>
        <translation>アップロードを停止しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="370"/>
        <source>The upload was stopped. What was sent is kept: Resume converts the disk again up to where it stopped, without sending those segments again, and continues. Uploading the same disk later resumes the same way.</source>
        <translation>アップロードを中止しました。送信済みのデータは保持されています。「再開」を押すと、中止した位置までディスクを再度変換し（その分のセグメントは再送しません）、続きから送信します。後で同じディスクをアップロードした場合も、同様に再開します。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="374"/>
        <source>The upload was stopped. What was sent is kept: Resume continues where it stopped.</source>
        <translation>アップロードを停止しました。送信済みのデータは保持されます。「再開」を押すと、停止した位置から続行します。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="376"/>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="397"/>
        <source>&amp;Resume</source>
        <translation>再開(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="378"/>
        <source>Not registered.</source>
        <translation>登録されていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="381"/>
        <source>The import was not registered</source>
        <translation>インポートは登録されませんでした</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="405"/>
        <source>Stopping…</source>
        <translation>停止しています…</translation>
    </message>
</context>
<context>
    <name>ThroughputGraph</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/throughput.py" line="99"/>
        <source>peak %1/s</source>
        <extracomment>the most points kept; more are merged in pairs</extracomment>
        <translation>最大 %1/秒</translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="9"/>
        <source>The image has no name.</source>
        <translation>イメージ名が指定されていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="11"/>
        <source>No object storage location was given for the image.</source>
        <translation>イメージのオブジェクトストレージ上の格納場所が指定されていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="13"/>
        <source>No OS type was chosen.</source>
        <translation>OS種別が選択されていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="15"/>
        <source>The OS type is not one the service knows.</source>
        <translation>サービスが認識できないOS種別です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="17"/>
        <source>Your sign-in token is not tied to a project, so the service cannot tell where to import.</source>
        <translation>サインインのトークンがプロジェクトに関連付けられていないため、サービスがインポート先を判断できません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="19"/>
        <source>The service could not read the request as JSON. This tool always sends JSON, so a proxy or gateway between you and the service probably changed the request.</source>
        <translation>サービスがリクエストをJSONとして読み取れませんでした。このツールは常にJSONを送信するため、サービスとの間にあるプロキシまたはゲートウェイがリクエストを変更した可能性があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="20"/>
        <source>Try again. If it happens again, check your proxy settings and send the log file to support.</source>
        <translation>もう一度実行してください。再発する場合は、プロキシの設定を確認し、ログファイルをサポート窓口に送付してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="21"/>
        <source>The location is not valid, or there is no object at that location.</source>
        <translation>格納場所が正しくないか、その場所にオブジェクトがありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="23"/>
        <source>The service rejected the retired &apos;conversion&apos; parameter. This tool does not send it, so something between you and the service changed the request.</source>
        <translation>サービスが、廃止されたパラメーター「conversion」を拒否しました。このツールはこのパラメーターを送信しないため、サービスとの間にある何らかの機器がリクエストを変更した可能性があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="24"/>
        <source>Try again. If it happens again, send the log file to support.</source>
        <translation>もう一度実行してください。再発する場合は、ログファイルをサポート窓口に送付してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="25"/>
        <source>The image id is not a valid UUID, or it is already used by another image.</source>
        <translation>イメージIDが正しいUUIDではないか、すでに別のイメージで使用されています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="27"/>
        <source>The image name is not accepted.</source>
        <translation>このイメージ名は使用できません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="29"/>
        <source>The checksum is not a valid SHA1 value.</source>
        <translation>チェックサムが正しいSHA1値ではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="31"/>
        <source>The minimum RAM value is not accepted.</source>
        <translation>最小RAM容量の値が正しくありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="33"/>
        <source>The minimum disk value is not accepted.</source>
        <translation>最小ディスク容量の値が正しくありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="35"/>
        <source>The KMS settings are not accepted.</source>
        <translation>KMSの設定が正しくありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="37"/>
        <source>The disk image is too large for the import service.</source>
        <translation>ディスクイメージが、インポートサービスで扱えるサイズを超えています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="38"/>
        <source>Make the disk smaller (shrink the guest&apos;s partitions and the virtual disk, or remove unused space), export it again and start over with the new file.</source>
        <translation>ディスクを小さくし（ゲストOSのパーティションと仮想ディスクを縮小する、または未使用領域を削除する）、再度エクスポートしてから、新しいファイルで最初からやり直してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="39"/>
        <source>Your account is not allowed to import images.</source>
        <translation>お使いのアカウントには、イメージをインポートする権限がありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="40"/>
        <source>Ask your contract administrator to give your user the image import privilege in this project, or sign in as a user who has it.</source>
        <translation>契約の管理者に、このプロジェクトでのイメージインポート権限をお使いのユーザーに付与するよう依頼するか、権限を持つユーザーでサインインしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="41"/>
        <source>The import service failed with an internal error.</source>
        <translation>インポートサービスで内部エラーが発生しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="64"/>
        <source>Try again later. If it keeps failing, contact support and quote the request id.</source>
        <translation>しばらくしてから、もう一度実行してください。失敗が続く場合は、リクエストIDを添えてサポート窓口にお問い合わせください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="43"/>
        <source>Too many imports are running for your contract at the moment.</source>
        <translation>現在、ご契約で実行中のインポートが多すぎます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="45"/>
        <source>The start position for the import list was not accepted.</source>
        <translation>インポート一覧の開始位置が正しくありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="47"/>
        <source>The number of entries asked for was not accepted.</source>
        <translation>要求した件数が正しくありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="49"/>
        <source>The import service does not know this import id.</source>
        <translation>インポートサービスに、このインポートIDは存在しません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="51"/>
        <source>The import service rejected the request as invalid.</source>
        <translation>インポートサービスが、リクエストを不正なものとして拒否しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="53"/>
        <source>Your sign-in token was not accepted or has expired.</source>
        <translation>サインインのトークンが受け付けられなかったか、有効期限が切れています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="55"/>
        <source>Your account is not allowed to do this.</source>
        <translation>お使いのアカウントには、この操作を行う権限がありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="56"/>
        <source>Ask your contract administrator for the needed privileges.</source>
        <translation>契約の管理者に、必要な権限の付与を依頼してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="57"/>
        <source>The service address answered &apos;not found&apos;.</source>
        <translation>サービスのアドレスから「not found」が返されました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="59"/>
        <source>The object is larger than object storage accepts in one piece.</source>
        <translation>オブジェクトが、オブジェクトストレージに一度に格納できるサイズを超えています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="60"/>
        <source>Upload it in segments (the uploader does this for large files).</source>
        <translation>セグメントに分割してアップロードしてください（大きなファイルはアップローダーが自動的に分割します）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="61"/>
        <source>The service is receiving too many requests.</source>
        <translation>サービスへのリクエストが多すぎます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="62"/>
        <source>Wait a minute and try again.</source>
        <translation>1分ほど待ってから、もう一度実行してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="63"/>
        <source>The service failed with an internal error.</source>
        <translation>サービスで内部エラーが発生しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="65"/>
        <source>A gateway between you and the service failed.</source>
        <translation>サービスとの間にあるゲートウェイでエラーが発生しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="66"/>
        <source>Try again later; check your proxy if it keeps happening.</source>
        <translation>しばらくしてから、もう一度実行してください。繰り返し発生する場合は、プロキシを確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="67"/>
        <source>The service is busy or unavailable.</source>
        <translation>サービスが混雑しているか、利用できません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="68"/>
        <source>Wait, then try again.</source>
        <translation>しばらく待ってから、もう一度実行してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="69"/>
        <source>A gateway between you and the service timed out.</source>
        <translation>サービスとの間にあるゲートウェイでタイムアウトが発生しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="70"/>
        <source>The service rejected the request.</source>
        <translation>サービスがリクエストを拒否しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="71"/>
        <source>Check the values you entered; the details below give the service&apos;s answer.</source>
        <translation>入力した値を確認してください。下の詳細に、サービスからの応答が表示されています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="72"/>
        <source>The service failed.</source>
        <translation>サービスでエラーが発生しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="73"/>
        <source>Sign-in failed: the contract number, user name, password or project is wrong.</source>
        <translation>サインインに失敗しました。契約番号、ユーザー名、パスワード、またはプロジェクトが正しくありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="75"/>
        <source>Sign-in was refused for this project.</source>
        <translation>このプロジェクトへのサインインが拒否されました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="76"/>
        <source>Check the project id or name, and that your user belongs to that project.</source>
        <translation>プロジェクトIDまたはプロジェクト名と、お使いのユーザーがそのプロジェクトに所属していることを確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="77"/>
        <source>The identity service address is wrong.</source>
        <translation>認証サービスのアドレスが正しくありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="79"/>
        <source>Object storage did not accept your sign-in token.</source>
        <translation>オブジェクトストレージが、サインインのトークンを受け付けませんでした。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="81"/>
        <source>Object storage refused access to this container.</source>
        <translation>オブジェクトストレージが、このコンテナへのアクセスを拒否しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="82"/>
        <source>Choose a container you may write to, or ask your administrator for access.</source>
        <translation>書き込み権限のあるコンテナを選択するか、管理者にアクセス権の付与を依頼してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="83"/>
        <source>The container or object does not exist.</source>
        <translation>コンテナまたはオブジェクトが存在しません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="85"/>
        <source>The object is larger than object storage accepts in one piece (5 GB on K5).</source>
        <translation>オブジェクトが、オブジェクトストレージに一度に格納できるサイズ（K5では5 GB）を超えています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="86"/>
        <source>Upload it in segments; the uploader does this when the file is larger than the limit.</source>
        <translation>セグメントに分割してアップロードしてください。ファイルが上限を超える場合は、アップローダーが自動的に分割します。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="87"/>
        <source>Object storage is out of space for your account.</source>
        <translation>お使いのアカウントのオブジェクトストレージの容量が不足しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="88"/>
        <source>Delete unneeded objects or ask for a larger quota.</source>
        <translation>不要なオブジェクトを削除するか、クォータの拡大を依頼してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="89"/>
        <source>Windows Server 2008 R2 SE</source>
        <translation>Windows Server 2008 R2 SE</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="90"/>
        <source>Windows Server 2008 R2 EE</source>
        <translation>Windows Server 2008 R2 EE</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="91"/>
        <source>Windows Server 2012 SE</source>
        <translation>Windows Server 2012 SE</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="92"/>
        <source>Windows Server 2012 R2 SE</source>
        <translation>Windows Server 2012 R2 SE</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="93"/>
        <source>Windows Server 2016 SE (Japanese version)</source>
        <translation>Windows Server 2016 SE（日本語版）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="94"/>
        <source>Windows Server 2016 SE (English version)</source>
        <translation>Windows Server 2016 SE（英語版）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="95"/>
        <source>Red Hat Enterprise Linux 6</source>
        <translation>Red Hat Enterprise Linux 6</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="96"/>
        <source>Red Hat Enterprise Linux 7</source>
        <translation>Red Hat Enterprise Linux 7</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="97"/>
        <source>CentOS</source>
        <translation>CentOS</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="98"/>
        <source>Ubuntu</source>
        <translation>Ubuntu</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="99"/>
        <source>Choose the OS that is really installed on the disk. With the wrong OS type the virtual server may not start, you may not get correct support, and OS support fees may be charged wrongly.</source>
        <translation>ディスクに実際にインストールされているOSを選択してください。OS種別を誤ると、仮想サーバが起動しない、正しいサポートを受けられない、OSのサポート料金が正しく課金されない、といったおそれがあります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="100"/>
        <source>the body is not JSON</source>
        <translation>本文がJSONではありません</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="101"/>
        <source>the body is not a JSON object</source>
        <translation>本文がJSONオブジェクトではありません</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="102"/>
        <source>the body is not a JSON list</source>
        <translation>本文がJSONの配列ではありません</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="103"/>
        <source>{field} is not an object</source>
        <translation>{field} がオブジェクトではありません</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="104"/>
        <source>the header {field} is too long</source>
        <translation>ヘッダー {field} が長すぎます</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="105"/>
        <source>the header {field} is not a size</source>
        <translation>ヘッダー {field} がサイズの値ではありません</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="106"/>
        <source>{field} is missing</source>
        <translation>{field} がありません</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="107"/>
        <source>{field} is not a string</source>
        <translation>{field} が文字列ではありません</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="108"/>
        <source>{field} is too long</source>
        <translation>{field} が長すぎます</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="109"/>
        <source>{field} is not a whole number</source>
        <translation>{field} が整数ではありません</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="110"/>
        <source>{field} is out of range</source>
        <translation>{field} が範囲外です</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="111"/>
        <source>{field} is not a time</source>
        <translation>{field} が日時ではありません</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="112"/>
        <source>{field} is not a list</source>
        <translation>{field} が配列ではありません</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="113"/>
        <source>The {what} endpoint {endpoint} uses plain http: your token would travel unencrypted to another computer.</source>
        <translation>{what}のエンドポイント {endpoint} は暗号化されていないhttpを使用しています。トークンが暗号化されずに他のコンピューターへ送信されます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="114"/>
        <source>{endpoint} uses plain http: your password or token would travel unencrypted to another computer.</source>
        <translation>{endpoint} は暗号化されていないhttpを使用しています。パスワードやトークンが暗号化されずに他のコンピューターへ送信されます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="115"/>
        <source>Use the https:// address. Only on a network you trust, allow plain http in the settings (Allow plain http) or with {option}.</source>
        <translation>https:// のアドレスを使用してください。信頼できるネットワークの場合に限り、設定（暗号化されていないhttpを許可する）または {option} でhttpを許可できます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="135"/>
        <source>it has no token</source>
        <translation>トークンが含まれていません</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="139"/>
        <source>The import service answered HTTP {status}, but {problem}; the import may have started (request id {request_id}).</source>
        <translation>インポートサービスはHTTP {status} を返しましたが、{problem}。インポートが開始されている可能性があります（リクエストID {request_id}）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="140"/>
        <source>The import service answered HTTP {status}, but {problem}; the import may have started.</source>
        <translation>インポートサービスはHTTP {status} を返しましたが、{problem}。インポートが開始されている可能性があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="141"/>
        <source>{field} is not a UUID</source>
        <translation>{field} がUUIDではありません</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="377"/>
        <source>{name} is empty (0 bytes): there is nothing to convert.</source>
        <translation>{name} は空 (0 バイト) のため、変換するものがありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="378"/>
        <source>{name} is {size} bytes, larger than a VMDK can hold ({limit} bytes).</source>
        <translation>{name} は {size} バイトあり、VMDK に格納できるサイズ ({limit} バイト) を超えています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="379"/>
        <source>The conversion was cancelled.</source>
        <translation>変換を中止しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="380"/>
        <source>{name} gave {got} bytes at byte {offset} where {expected} were expected: it changed or is damaged.</source>
        <translation>{name} の {offset} バイト目から {expected} バイトを読み取るはずが、{got} バイトしか得られませんでした。ディスクが変更されたか、破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="381"/>
        <source>The converted disk would be larger than a streamOptimized VMDK can address (2 TiB of compressed data).</source>
        <translation>変換後のディスクが、streamOptimized VMDK で扱える上限 (圧縮後のデータで 2 TiB) を超えます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="382"/>
        <source>Upload the disk without converting it.</source>
        <translation>ディスクを変換せずにアップロードしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="383"/>
        <source>{file} ends at byte {size}, inside the disk&apos;s data (byte {offset} was read): it is truncated.</source>
        <translation>{file} はディスクのデータの途中 ({size} バイト目) で終わっています (読み取り位置: {offset} バイト目)。ファイルが途中で切れています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="384"/>
        <source>{file} has compressed grains of {size} bytes; grains larger than {limit} bytes are not supported (VMware writes 65536).</source>
        <translation>{file} の圧縮グレインは {size} バイトです。{limit} バイトを超えるグレインはサポートされていません (VMware は 65536 バイトで書き込みます)。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="385"/>
        <source>{file} has a grain directory of {size} bytes, more than any real disk needs: the header is damaged.</source>
        <translation>{file} のグレインディレクトリは {size} バイトあり、実在するディスクに必要な大きさを超えています。ヘッダーが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="386"/>
        <source>{file}: the grain directory at byte {offset} runs past the end of the file: it is truncated.</source>
        <translation>{file}: {offset} バイト目のグレインディレクトリがファイルの末尾を越えています。ファイルが途中で切れています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="387"/>
        <source>{file}: the grain directory lists {count} grain tables, more than the file can hold: the disk is damaged.</source>
        <translation>{file}: グレインディレクトリには {count} 個のグレインテーブルが記載されていますが、ファイルに収まる数を超えています。ディスクが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="388"/>
        <source>{file}: the grain directory points at a grain table at byte {offset}, past the end of the file: it is truncated or damaged.</source>
        <translation>{file}: グレインディレクトリが、ファイルの末尾を越えた {offset} バイト目のグレインテーブルを指しています。ファイルが途中で切れているか、破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="389"/>
        <source>{file}: two entries of the grain directory point at the same or overlapping grain tables (byte {offset}): the disk is damaged.</source>
        <translation>{file}: グレインディレクトリの 2 つのエントリが、同じまたは重なり合うグレインテーブル ({offset} バイト目) を指しています。ディスクが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="390"/>
        <source>{file}: the grain table at byte {offset} runs past the end of the file: it is truncated.</source>
        <translation>{file}: {offset} バイト目のグレインテーブルがファイルの末尾を越えています。ファイルが途中で切れています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="391"/>
        <source>{file}: the grain table entry of grain {grain} points into the metadata area (sector {sector}): the disk is damaged.</source>
        <translation>{file}: グレイン {grain} のグレインテーブルエントリがメタデータ領域 (セクター {sector}) を指しています。ディスクが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="392"/>
        <source>{file}: grain {grain} lies at byte {offset}, past the end of the file ({size} bytes): it is truncated or damaged.</source>
        <translation>{file}: グレイン {grain} はファイルの末尾 ({size} バイト) を越えた {offset} バイト目にあります。ファイルが途中で切れているか、破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="393"/>
        <source>{file}: the grain table entry of grain {grain} points at byte {offset}, past the end of the file: it is truncated or damaged.</source>
        <translation>{file}: グレイン {grain} のグレインテーブルエントリが、ファイルの末尾を越えた {offset} バイト目を指しています。ファイルが途中で切れているか、破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="394"/>
        <source>{file}: the grain marker at byte {offset} is for sector {lba}, but the grain table puts grain {grain} there: the disk is damaged.</source>
        <translation>{file}: {offset} バイト目のグレインマーカーはセクター {lba} のものですが、グレインテーブルではそこをグレイン {grain} としています。ディスクが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="395"/>
        <source>{file}: the grain marker at byte {offset} gives an impossible compressed size ({size} bytes): the disk is damaged.</source>
        <translation>{file}: {offset} バイト目のグレインマーカーが示す圧縮サイズ ({size} バイト) はありえない値です。ディスクが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="396"/>
        <source>{file}: the compressed grain at byte {offset} runs past the end of the file: it is truncated.</source>
        <translation>{file}: {offset} バイト目の圧縮グレインがファイルの末尾を越えています。ファイルが途中で切れています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="397"/>
        <source>{file}: the compressed grain at byte {offset} does not inflate ({reason}): the disk is damaged.</source>
        <translation>{file}: {offset} バイト目の圧縮グレインを展開できません ({reason})。ディスクが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="398"/>
        <source>{file}: the compressed grain at byte {offset} inflates to more than a grain ({expected} bytes): the disk is damaged.</source>
        <translation>{file}: {offset} バイト目の圧縮グレインを展開すると 1 グレイン ({expected} バイト) を超えます。ディスクが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="399"/>
        <source>{file}: the compressed grain at byte {offset} inflates to {size} bytes instead of {expected}: the disk is damaged.</source>
        <translation>{file}: {offset} バイト目の圧縮グレインを展開すると {expected} バイトではなく {size} バイトになります。ディスクが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="400"/>
        <source>{path} is not an OVA, so it has no member {member}.</source>
        <translation>{path} は OVA ではないため、メンバー {member} はありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="401"/>
        <source>{path} is {description}, not a disk this tool can read inside.</source>
        <translation>{path} は{description}であり、このツールが中身を読み取れるディスクではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="402"/>
        <source>The archive {path} holds no .vmdk file.</source>
        <translation>アーカイブ {path} には .vmdk ファイルが含まれていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="403"/>
        <source>The archive {path} has no member {member}.</source>
        <translation>アーカイブ {path} にはメンバー {member} がありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="404"/>
        <source>{member} is stored in the archive as a {kind} member, so it cannot be read in place; extract it first.</source>
        <translation>{member} はアーカイブ内に {kind} メンバーとして格納されているため、その場で読み取ることはできません。先に展開してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="405"/>
        <source>{member} in the archive is {description}; only a sparse or streamOptimized VMDK can be read inside an OVA.</source>
        <translation>アーカイブ内の {member} は{description}です。OVA 内で読み取れるのは sparse または streamOptimized の VMDK のみです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="406"/>
        <source>{file} is a snapshot (delta) disk: it holds only the changes to its parent {parent}, so the guest cannot be read from it alone.</source>
        <translation>{file} はスナップショット (差分) ディスクです。親ディスク {parent} からの変更分のみを保持しているため、これだけではゲストを読み取れません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="407"/>
        <source>Delete (consolidate) the VM&apos;s snapshots, or convert the delta with qemu-img (its parent next to it), then choose the result.</source>
        <translation>VM のスナップショットを削除 (統合) するか、親ディスクを同じフォルダーに置いて qemu-img で差分ディスクを変換し、その結果のファイルを選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="408"/>
        <source>{file}: {problem}</source>
        <translation>{file}: {problem}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="409"/>
        <source>{file} holds {capacity} sectors, but the descriptor gives its extent {sectors}: the disk is damaged.</source>
        <translation>{file} は {capacity} セクターですが、記述子ではこのエクステントを {sectors} セクターとしています。ディスクが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="410"/>
        <source>{file} should be a sparse extent (KDMV), but it is not.</source>
        <translation>{file} は sparse エクステント (KDMV) であるはずですが、そうではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="411"/>
        <source>{path} starts like a VMDK descriptor but is far too large to be one: it is damaged.</source>
        <translation>{path} は VMDK 記述子のように始まっていますが、記述子としては大きすぎます。ファイルが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="412"/>
        <source>The descriptor {path} lists no extent.</source>
        <translation>記述子 {path} にはエクステントが 1 つも記載されていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="413"/>
        <source>The descriptor {path} lists {count} extents, more than any real disk has.</source>
        <translation>記述子 {path} には {count} 個のエクステントが記載されており、実在するディスクの数を超えています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="414"/>
        <source>The descriptor {path} has an extent of type {type}; only FLAT, VMFS, SPARSE and ZERO extents can be read.</source>
        <translation>記述子 {path} には種類 {type} のエクステントがあります。読み取れるのは FLAT、VMFS、SPARSE、ZERO のエクステントのみです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="415"/>
        <source>{file} has {size} bytes, but the descriptor reads {needed} bytes of it: it is truncated.</source>
        <translation>{file} は {size} バイトですが、記述子は {needed} バイトまで読み取ることになっています。ファイルが途中で切れています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="453"/>
        <source>A grain table points at something that is not a compressed grain: the disk is damaged.</source>
        <translation>グレインテーブルが圧縮グレインではない位置を指しています。ディスクが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="455"/>
        <source>the rest of the grain stream</source>
        <translation>グレインストリームの残り</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="457"/>
        <source>Imports still queued or processing in this project: {count}. That is more than 100 per contract, so contact support and quote the request id shown with this error.</source>
        <translation>このプロジェクトで待機中または処理中のインポート: {count}件。契約あたり100件を超えているため、このエラーに表示されたリクエストIDを添えてサポートに連絡してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="464"/>
        <source>Check the endpoint address (the scheme, the host and the path): enter the address the redirect points to yourself if you trust it.</source>
        <translation>エンドポイントのアドレス（スキーム、ホスト、パス）を確認してください。リダイレクト先を信頼できる場合は、そのアドレスを自分で入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="465"/>
        <source>The service at {host} answered with a redirect to {location}, which this tool does not follow: it would send your credentials there.</source>
        <translation>{host} のサービスが {location} へのリダイレクトを返しました。このツールはリダイレクトに従いません。従うと認証情報がそこへ送信されるためです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="466"/>
        <source>The service at {host} answered with a redirect, which this tool does not follow.</source>
        <translation>{host} のサービスがリダイレクトを返しました。このツールはリダイレクトに従いません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="467"/>
        <source>Try again later. If it happens again, tell the provider&apos;s support, quoting the request id.</source>
        <translation>しばらくしてから再試行してください。再び発生する場合は、リクエストIDを添えてプロバイダーのサポートに連絡してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="468"/>
        <source>{service} sent an answer this tool cannot use: {problem}.</source>
        <translation>{service}から、このツールで使用できない応答が返されました: {problem}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="469"/>
        <source>The identity service</source>
        <translation>認証サービス</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="470"/>
        <source>Object storage</source>
        <translation>オブジェクトストレージ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="471"/>
        <source>The import service</source>
        <translation>インポートサービス</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="472"/>
        <source>The service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="474"/>
        <source>BIOS boot only; UEFI boot is not supported.</source>
        <translation>BIOS起動のみが対象です。UEFI起動は対象外です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="475"/>
        <source>The partition table has damage the tool worked around.</source>
        <translation>パーティションテーブルに損傷があり、本ツールで補って読み取りました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="476"/>
        <source>The VM is set to start with UEFI firmware ({where}). The provider&apos;s rule: {rule}</source>
        <translation>仮想マシンはUEFIファームウェアで起動する設定です({where})。プロバイダーの規則: {rule}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="477"/>
        <source>VM configuration</source>
        <translation>仮想マシンの設定</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="478"/>
        <source>The partition table could not be read, so how the disk starts is not known.</source>
        <translation>パーティションテーブルを読み取れなかったため、ディスクの起動方式がわかりません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="479"/>
        <source>Check the disk in the VM (it should start there), then export it again.</source>
        <translation>仮想マシン上でディスクを確認し(そこで起動できるはずです)、再度エクスポートしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="480"/>
        <source>The disk is partitioned for UEFI boot: GPT with an EFI system partition and no BIOS boot partition. The provider&apos;s rule: {rule}</source>
        <translation>ディスクはUEFI起動用に構成されています(EFIシステムパーティションがあり、BIOSブートパーティションがないGPT)。プロバイダーの規則: {rule}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="481"/>
        <source>No boot loader a BIOS can start was found: the GPT disk has no BIOS boot partition with boot code. If this is a system disk it will not start.</source>
        <translation>BIOSから起動できるブートローダーが見つかりません。GPTディスクにブートコードを持つBIOSブートパーティションがありません。システムディスクの場合は起動できません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="482"/>
        <source>If the disk should start: in the VM, create a 1 MiB BIOS boot partition and run grub2-install --target=i386-pc on the disk.</source>
        <translation>起動用のディスクの場合は、仮想マシン上で1 MiBのBIOSブートパーティションを作成し、ディスクに対して grub2-install --target=i386-pc を実行してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="483"/>
        <source>The disk can start both with UEFI and with a BIOS; the BIOS path will be used after the import.</source>
        <translation>このディスクはUEFIとBIOSのどちらでも起動できます。インポート後はBIOSで起動します。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="484"/>
        <source>No boot loader was found: the first sector holds no boot code. If this is a system disk it will not start.</source>
        <translation>ブートローダーが見つかりません。先頭セクターにブートコードがありません。システムディスクの場合は起動できません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="485"/>
        <source>If the disk should start: reinstall the boot loader in the VM (Windows: bootrec /fixmbr; Linux: grub2-install on the disk).</source>
        <translation>起動用のディスクの場合は、仮想マシン上でブートローダーを再インストールしてください(Windows: bootrec /fixmbr、Linux: ディスクに対して grub2-install)。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="486"/>
        <source>The disk has no partition table and no filesystem the tool knows: it may be empty or use a format the tool cannot read.</source>
        <translation>ディスクにパーティションテーブルも本ツールが認識できるファイルシステムもありません。空のディスクか、本ツールが読み取れない形式の可能性があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="487"/>
        <source>The disk has no partition table: the filesystem starts at the first sector, so there is no boot loader. A system disk must have one.</source>
        <translation>ディスクにパーティションテーブルがありません。ファイルシステムが先頭セクターから始まっているため、ブートローダーがありません。システムディスクにはブートローダーが必要です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="488"/>
        <source>This is a Windows dynamic disk. Its volumes cannot be adapted by the conversion, and Windows may not find its system volume after the import.</source>
        <translation>Windowsのダイナミックディスクです。変換処理でボリュームを調整できず、インポート後にWindowsがシステムボリュームを見つけられない可能性があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="489"/>
        <source>Convert the disk back to a basic disk in the VM (with a backup; Disk Management converts only an empty dynamic disk), or move the system to a basic disk, then export again.</source>
        <translation>仮想マシン上でベーシックディスクに戻すか(バックアップを取ってください。ディスクの管理で変換できるのは空のダイナミックディスクのみです)、システムをベーシックディスクに移したうえで、再度エクスポートしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="490"/>
        <source>Rebuild the VM for BIOS boot: Windows starts from GPT only with UEFI, and mbr2gpt converts only from MBR to GPT, never back. Reinstall on an MBR disk with BIOS firmware, or convert with a third-party partition tool and repair the boot files (bcdboot), then export again.</source>
        <translation>仮想マシンをBIOS起動用に作り直してください。WindowsはGPTディスクからはUEFIでしか起動できず、mbr2gptはMBRからGPTへの変換のみで、元には戻せません。BIOSファームウェアのMBRディスクに再インストールするか、他社製のパーティションツールで変換してブートファイルを修復(bcdboot)したうえで、再度エクスポートしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="491"/>
        <source>Switch the VM to BIOS boot: add a 1 MiB BIOS boot partition (GPT type EF02), run grub2-install --target=i386-pc on the disk, set the VM&apos;s firmware to BIOS and check that it starts; or rebuild the VM with BIOS firmware. Then export again.</source>
        <translation>仮想マシンをBIOS起動に切り替えてください。1 MiBのBIOSブートパーティション(GPTタイプEF02)を追加し、ディスクに対して grub2-install --target=i386-pc を実行し、仮想マシンのファームウェアをBIOSに設定して起動を確認します。または、BIOSファームウェアで仮想マシンを作り直してください。その後、再度エクスポートしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="492"/>
        <source>BitLocker</source>
        <translation>BitLocker</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="493"/>
        <source>LUKS</source>
        <translation>LUKS</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="494"/>
        <source>{where} is encrypted with {kind} and no readable system was found elsewhere: the tool cannot look inside, and a system on an encrypted volume neither converts nor starts unattended in the cloud.</source>
        <translation>{where} は {kind} で暗号化されており、ほかに読み取れるシステムは見つかりませんでした。ツールは中を確認できません。また、暗号化されたボリューム上のシステムは変換されず、クラウドで無人では起動しません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="495"/>
        <source>Decrypt the volume in the VM (BitLocker: manage-bde -off C:, and wait until it is done), then export the disk again.</source>
        <translation>仮想マシン上でボリュームの暗号化を解除し(BitLockerの場合は manage-bde -off C: を実行し、完了するまで待ちます)、再度ディスクをエクスポートしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="496"/>
        <source>{where} is encrypted with {kind}; the tool cannot look inside.</source>
        <translation>{where} は{kind}で暗号化されているため、本ツールでは中身を確認できません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="497"/>
        <source>Make sure the imported server can unlock it (its key or password must be at hand), or decrypt it before the export.</source>
        <translation>インポート後のサーバーでロックを解除できるようにしておく(鍵またはパスワードを用意する)か、エクスポート前に暗号化を解除してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="498"/>
        <source>{where} ({filesystem}) could not be read: {reason}</source>
        <translation>{where}({filesystem})を読み取れませんでした: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="499"/>
        <source>{where} holds a filesystem the tool cannot read.</source>
        <translation>{where} には、本ツールが読み取れないファイルシステムがあります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="500"/>
        <source>The system volume {where} is nearly full: {free} MiB free of {size} MiB. Drivers added by the conversion and the first start need room.</source>
        <translation>システムボリューム {where} の空き容量が不足しています(空き {free} MiB/全体 {size} MiB)。変換処理で追加されるドライバーや初回起動に空き容量が必要です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="501"/>
        <source>Free at least 1 GiB and 10 % of the volume in the VM, then export again.</source>
        <translation>仮想マシン上で1 GiB以上かつボリュームの10%以上の空き容量を確保し、再度エクスポートしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="502"/>
        <source>No operating system was found on the disk, so the tool cannot tell whether it will start.</source>
        <translation>ディスク上にOSが見つからないため、起動できるかどうか判断できません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="503"/>
        <source>If this is a data disk, import it as a volume instead; if it is the system disk, check that the VM starts from it.</source>
        <translation>データディスクの場合は、ボリュームとしてインポートしてください。システムディスクの場合は、仮想マシンがこのディスクから起動することを確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="504"/>
        <source>{os} is a {arch} system; the provider imports 64-bit (x86_64) systems only.</source>
        <translation>{os} は{arch}のシステムです。プロバイダーがインポートできるのは64ビット(x86_64)のシステムのみです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="505"/>
        <source>Move the workload to a 64-bit installation of a supported OS.</source>
        <translation>サポートされるOSの64ビット版に移行してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="506"/>
        <source>The tool could not tell whether the system is 64-bit; the provider imports 64-bit systems only.</source>
        <translation>システムが64ビットかどうか判断できませんでした。プロバイダーがインポートできるのは64ビットのシステムのみです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="507"/>
        <source>Supported in {title}: {names}.</source>
        <translation>{title}でサポートされるOS: {names}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="508"/>
        <source>{os}: the exact version could not be read, and the provider supports {name} only.</source>
        <translation>{os}: 正確なバージョンを読み取れませんでした。プロバイダーがサポートするのは {name} のみです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="509"/>
        <source>Check the version in the VM (cat /etc/redhat-release).</source>
        <translation>仮想マシン上でバージョンを確認してください(cat /etc/redhat-release)。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="510"/>
        <source>{os} is accepted by the register API (os_type {keyword}) but is no longer in the provider&apos;s list of importable systems.</source>
        <translation>{os} は登録APIでは受け付けられます(os_type {keyword})が、プロバイダーのインポート可能なOSの一覧には現在含まれていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="511"/>
        <source>Expect no support for it; move to a listed OS if you can. {supported}</source>
        <translation>サポートは受けられない前提でご利用ください。可能であれば一覧にあるOSに移行してください。{supported}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="512"/>
        <source>{os} can be imported in {generations} only, and no region was given.</source>
        <translation>{os} をインポートできるのは{generations}のみですが、リージョンが指定されていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="513"/>
        <source>Give the region you import into (--region, or sign in) to check it against that region&apos;s list.</source>
        <translation>インポート先のリージョンを指定すると(--region、またはサインイン)、そのリージョンの一覧で確認できます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="514"/>
        <source>SQL Server {version} ({edition}, instance {instance}) is installed. The provider lists Windows with SQL Server only as its own images (SQL Server 2016/2019 Standard, Japanese); this one is imported as plain Windows, and its licence is yours to settle.</source>
        <translation>SQL Server {version}({edition}、インスタンス {instance})がインストールされています。プロバイダーがSQL Server付きのWindowsとして扱うのは所定の構成(SQL Server 2016/2019 Standard、日本語版)のみです。このディスクは通常のWindowsとしてインポートされ、SQL Serverのライセンスはお客様ご自身で手配する必要があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="515"/>
        <source>K5 / FJcloud-O regions 1 and 2</source>
        <translation>K5 / FJcloud-O のリージョン1・2</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="516"/>
        <source>East/West Japan Region 3</source>
        <translation>東日本リージョン3/西日本リージョン3</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="517"/>
        <source>every region</source>
        <translation>全リージョン</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="518"/>
        <source>{os} is installed in {language}; the provider imports {name} in {languages} only.</source>
        <translation>{os} は{language}でインストールされています。プロバイダーがインポートできる {name} は{languages}のみです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="519"/>
        <source>Use a Japanese or English installation of a supported OS. {supported}</source>
        <translation>サポートされるOSの日本語版または英語版を使用してください。{supported}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="520"/>
        <source>{os} can be imported in {generation} only ({regions}), not in {region}.</source>
        <translation>{os} をインポートできるのは{generation}({regions})のみで、{region}ではインポートできません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="521"/>
        <source>Import it into {generation}, or move the workload to an OS supported here. {supported}</source>
        <translation>{generation}にインポートするか、このリージョンでサポートされるOSに移行してください。{supported}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="522"/>
        <source>{os} is not in the provider&apos;s list of importable systems.</source>
        <translation>{os} は、プロバイダーのインポート可能なOSの一覧にありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="523"/>
        <source>Move the workload to a supported OS. {supported}</source>
        <translation>サポートされるOSに移行してください。{supported}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="524"/>
        <source>Windows is hibernated: its memory is saved in hiberfil.sys and the disk is not in a consistent state. Changes made during the conversion would be lost, or the volume damaged, when it resumes.</source>
        <translation>Windowsが休止状態です。メモリの内容がhiberfil.sysに保存されており、ディスクは整合性のとれた状態ではありません。再開時に、変換処理で加えた変更が失われるか、ボリュームが損傷するおそれがあります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="525"/>
        <source>Start the VM, then shut it down fully (shutdown /s /t 0) and turn hibernation off (powercfg /h off) before the export.</source>
        <translation>エクスポートの前に仮想マシンを起動し、完全にシャットダウン(shutdown /s /t 0)したうえで、休止状態を無効(powercfg /h off)にしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="526"/>
        <source>Fast Startup is on: a normal shutdown hibernates the kernel, so the disk may not be in a clean state.</source>
        <translation>高速スタートアップが有効です。通常のシャットダウンではカーネルが休止状態になるため、ディスクが正常な状態でない可能性があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="527"/>
        <source>Turn it off (powercfg /h off) and shut down with shutdown /s /t 0 before the export.</source>
        <translation>エクスポートの前に無効にし(powercfg /h off)、shutdown /s /t 0 でシャットダウンしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="528"/>
        <source>Drive letters {letters} are on another disk, which this import does not carry. Programs or services using them will not find them.</source>
        <translation>ドライブ文字 {letters} は別のディスク上にあり、今回のインポートには含まれません。これらを使用するプログラムやサービスはドライブを見つけられません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="529"/>
        <source>Import those disks as well and attach them, or move the data onto this disk.</source>
        <translation>それらのディスクもインポートして接続するか、データをこのディスクに移してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="530"/>
        <source>No virtio storage driver (viostor or vioscsi) is installed. Windows may stop at INACCESSIBLE_BOOT_DEVICE on the new virtual hardware, unless the provider&apos;s conversion adds the driver.</source>
        <translation>virtioストレージドライバー(viostorまたはvioscsi)がインストールされていません。プロバイダーの変換処理でドライバーが追加されない場合、新しい仮想ハードウェア上でINACCESSIBLE_BOOT_DEVICEで停止する可能性があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="531"/>
        <source>Install the virtio-win drivers in the VM before the export.</source>
        <translation>エクスポートの前に、仮想マシンにvirtio-winドライバーをインストールしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="532"/>
        <source>Whether virtio storage drivers are installed could not be told.</source>
        <translation>virtioストレージドライバーがインストールされているかどうか判断できませんでした。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="533"/>
        <source>cloudbase-init is not installed: the server will not take its host name, password or SSH key from the cloud at first start.</source>
        <translation>cloudbase-initがインストールされていません。初回起動時に、ホスト名・パスワード・SSHキーがクラウドから設定されません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="534"/>
        <source>VMware Tools are installed. They do nothing outside VMware.</source>
        <translation>VMware Toolsがインストールされています。VMware以外の環境では機能しません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="535"/>
        <source>Remove them after the move (keep them until then, for a way back).</source>
        <translation>移行後にアンインストールしてください(切り戻しに備え、移行完了までは残してください)。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="536"/>
        <source>A static IP address is set ({addresses}). The imported server gets a new network adapter, which starts without it.</source>
        <translation>固定IPアドレスが設定されています({addresses})。インポート後のサーバーには新しいネットワークアダプターが割り当てられ、この設定は引き継がれません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="537"/>
        <source>A static IP address ({addresses}) is bound to a network interface name or MAC address. The interface will have another name and MAC after the import, so the address will not be set.</source>
        <translation>固定IPアドレス({addresses})がネットワークインターフェース名またはMACアドレスに結び付けられています。インポート後はインターフェース名とMACアドレスが変わるため、このアドレスは設定されません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="538"/>
        <source>A static IP address is set ({addresses}); it may not fit the network of the new server.</source>
        <translation>固定IPアドレスが設定されています({addresses})。移行先サーバーのネットワークに合わない可能性があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="539"/>
        <source>Note the addresses (listed here) to set them again, or switch to DHCP before the export; the cloud&apos;s network assigns the server its address.</source>
        <translation>再設定できるよう、ここに表示したアドレスを控えてください。または、エクスポート前にDHCPに切り替えてください。サーバーのアドレスはクラウドのネットワークが割り当てます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="540"/>
        <source>/etc/fstab mounts {mounts} from a disk this import does not carry. Without that disk the boot may stop in emergency mode.</source>
        <translation>/etc/fstab は {mounts} を、今回のインポートに含まれないディスクからマウントしています。そのディスクがないと、起動が緊急モードで停止する可能性があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="541"/>
        <source>Add nofail to those lines in the VM, or import that disk as well.</source>
        <translation>仮想マシン上で該当行にnofailを追加するか、そのディスクもインポートしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="542"/>
        <source>/etc/fstab names disks by device ({devices}). Device names change on the new virtual hardware (/dev/sda may become /dev/vda), and the boot may stop.</source>
        <translation>/etc/fstab でディスクをデバイス名で指定しています({devices})。新しい仮想ハードウェアではデバイス名が変わる(/dev/sdaが/dev/vdaになるなど)ため、起動が停止する可能性があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="543"/>
        <source>Use UUID= or LABEL= in those lines (blkid shows them), then export again.</source>
        <translation>該当行をUUID=またはLABEL=による指定に変更し(blkidで確認できます)、再度エクスポートしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="544"/>
        <source>No kernel was found under /boot: the system may keep it elsewhere, or may not start.</source>
        <translation>/boot にカーネルが見つかりません。別の場所に置かれているか、起動できない可能性があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="545"/>
        <source>The initramfs of the newest kernel ({kernel}) has no virtio storage driver. The system may not find its root disk on the new virtual hardware, unless the provider&apos;s conversion adds the driver.</source>
        <translation>最新カーネル({kernel})のinitramfsにvirtioストレージドライバーが含まれていません。プロバイダーの変換処理でドライバーが追加されない場合、新しい仮想ハードウェア上でルートディスクを見つけられない可能性があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="546"/>
        <source>In the VM, add the drivers and rebuild the initramfs (dracut -f --add-drivers &quot;virtio_blk virtio_scsi&quot;; Ubuntu: update-initramfs -u), then export again.</source>
        <translation>仮想マシン上でドライバーを追加してinitramfsを再作成し(dracut -f --add-drivers &quot;virtio_blk virtio_scsi&quot;、Ubuntuの場合は update-initramfs -u)、再度エクスポートしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="547"/>
        <source>Whether the initramfs of {kernel} has virtio drivers could not be told.</source>
        <translation>{kernel} のinitramfsにvirtioドライバーが含まれているかどうか判断できませんでした。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="548"/>
        <source>cloud-init is not installed: the server will not take its host name or SSH key from the cloud at first start.</source>
        <translation>cloud-initがインストールされていません。初回起動時に、ホスト名やSSHキーがクラウドから設定されません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="549"/>
        <source>Windows has a volume licence key (KMS client), but KMS activation is not requested: it will try its own KMS host ({host}) and stay unactivated if that cannot be reached.</source>
        <translation>Windowsにはボリュームライセンスキー(KMSクライアント)が設定されていますが、KMSライセンス認証は指定されていません。独自のKMSホスト({host})で認証を試み、到達できない場合はライセンス認証されないままになります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="550"/>
        <source>found by DNS</source>
        <translation>DNSで検索</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="551"/>
        <source>Request KMS activation (kms) for the provider&apos;s KMS server, unless your KMS host is reachable from the cloud.</source>
        <translation>お客様のKMSホストにクラウドから到達できない場合は、プロバイダーのKMSサーバーによるKMSライセンス認証(kms)を指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="552"/>
        <source>KMS activation needs a volume licence key, but this Windows has a {channel} licence: activation will fail.</source>
        <translation>KMSライセンス認証にはボリュームライセンスキーが必要ですが、このWindowsのライセンスは{channel}です。ライセンス認証は失敗します。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="553"/>
        <source>Install the KMS client key (GVLK) for this edition in the VM (slmgr /ipk), or do not request KMS activation.</source>
        <translation>仮想マシン上でこのエディションのKMSクライアントキー(GVLK)を設定する(slmgr /ipk)か、KMSライセンス認証を指定しないでください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="554"/>
        <source>The ext superblock is missing or damaged.</source>
        <translation>ext のスーパーブロックが見つからないか、破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="555"/>
        <source>The ext superblock is damaged (impossible block size or inode counts).</source>
        <translation>ext のスーパーブロックが破損しています（ブロックサイズまたは i ノード数が不正です）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="556"/>
        <source>The ext superblock is damaged: its inode and block counts describe different numbers of block groups.</source>
        <translation>ext のスーパーブロックが破損しています。i ノード数とブロック数から求めたブロックグループ数が一致しません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="557"/>
        <source>The ext superblock is damaged: it describes more block groups than the volume can hold.</source>
        <translation>ext のスーパーブロックが破損しています。ボリュームに収まらない数のブロックグループが記録されています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="558"/>
        <source>This is an ext journal device, not a filesystem.</source>
        <translation>これは ext の外部ジャーナルデバイスであり、ファイルシステムではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="559"/>
        <source>A directory entry points at inode {number}, beyond the filesystem&apos;s {count} inodes: it is damaged.</source>
        <translation>ディレクトリエントリーが i ノード {number} を指していますが、ファイルシステムの i ノードは {count} 個しかありません。破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="560"/>
        <source>A file&apos;s block map points outside the filesystem: it is damaged.</source>
        <translation>ファイルのブロックマップがファイルシステムの範囲外を指しています。破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="561"/>
        <source>nothing recognisable</source>
        <translation>認識できるデータなし</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="562"/>
        <source>{where} holds {what}; its files cannot be read.</source>
        <translation>{where} の内容は {what} です。ファイルを読み取ることはできません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="563"/>
        <source>The tool cannot look inside {what}; convert it to a VMDK first and inspect the converted disk.</source>
        <translation>{what} の中身はこのツールでは確認できません。先に VMDK に変換し、変換後のディスクを検査してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="564"/>
        <source>Reading the {what} filesystem took far more reads than its metadata can need: it is damaged or loops.</source>
        <translation>{what} ファイルシステムの読み取りで、メタデータに必要な回数をはるかに超える読み取りが発生しました。破損しているか、循環しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="565"/>
        <source>The {what} filesystem could not be read: {reason}.</source>
        <translation>{what} ファイルシステムを読み取れませんでした: {reason}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="566"/>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="567"/>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="568"/>
        <source>German</source>
        <translation>ドイツ語</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="569"/>
        <source>French</source>
        <translation>フランス語</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="570"/>
        <source>Spanish</source>
        <translation>スペイン語</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="571"/>
        <source>Italian</source>
        <translation>イタリア語</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="572"/>
        <source>Portuguese</source>
        <translation>ポルトガル語</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="573"/>
        <source>Chinese</source>
        <translation>中国語</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="574"/>
        <source>Korean</source>
        <translation>韓国語</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="575"/>
        <source>Russian</source>
        <translation>ロシア語</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="576"/>
        <source>Dutch</source>
        <translation>オランダ語</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="577"/>
        <source>Swedish</source>
        <translation>スウェーデン語</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="578"/>
        <source>Polish</source>
        <translation>ポーランド語</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="579"/>
        <source>Turkish</source>
        <translation>トルコ語</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="580"/>
        <source>language {code}</source>
        <translation>言語 {code}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="581"/>
        <source>no operating system that could be recognised</source>
        <translation>認識できるOSなし</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="582"/>
        <source>an unnamed Windows</source>
        <translation>名称不明のWindows</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="583"/>
        <source>an unnamed Linux</source>
        <translation>名称不明のLinux</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="584"/>
        <source>{name} ({language})</source>
        <translation>{name}({language})</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="585"/>
        <source>{name} {version}</source>
        <translation>{name} {version}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="586"/>
        <source>No operating system was found on the disk, so the OS type cannot be filled in; choose the OS that is really installed.</source>
        <translation>ディスク上にOSが見つからないため、OS種別を入力できません。実際にインストールされているOSを選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="587"/>
        <source>The install language of {os} could not be read, so the OS type (Japanese or English version) cannot be chosen from the disk; choose it yourself.</source>
        <translation>{os} のインストール言語を読み取れなかったため、ディスクからOS種別(日本語版または英語版)を決められません。ご自身で選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="588"/>
        <source>{os} is not an OS the import service lists, so there is no OS type for it; choose one yourself only if you know the service accepts it.</source>
        <translation>{os} はインポートサービスの一覧にないOSのため、対応するOS種別がありません。サービスが受け付けることが確実な場合に限り、ご自身で選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="589"/>
        <source>{os} is installed in {language}, and the OS types have Japanese and English versions only; choose one yourself.</source>
        <translation>{os} は{language}でインストールされていますが、OS種別には日本語版と英語版しかありません。ご自身で選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="590"/>
        <source>{os} has no os_type keyword in the register API&apos;s list; choose one yourself.</source>
        <translation>{os} に対応するos_typeのキーワードは登録APIの一覧にありません。ご自身で選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="591"/>
        <source>{os} is registered as {keyword}: the register API has no keyword for SQL Server, so the keyword of the Windows it runs on is used (our reading, unconfirmed).</source>
        <translation>{os} は {keyword} として登録します。登録APIにはSQL Server用のキーワードがないため、動作しているWindowsのキーワードを使用します(本ツールの解釈であり、未確認です)。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="592"/>
        <source>The disk holds {os}, so the OS type is {keyword}.</source>
        <translation>ディスクには {os} が入っているため、OS種別は {keyword} です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="593"/>
        <source>The disk holds {os}, so os_type must be {expected}, not {chosen}.</source>
        <translation>ディスクには {os} が入っているため、os_type は {chosen} ではなく {expected} にする必要があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="594"/>
        <source>The disk holds {os}, a {family} system, so os_type cannot be {chosen} ({description}).</source>
        <translation>ディスクには{family}の {os} が入っているため、os_type を {chosen}({description})にはできません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="595"/>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="596"/>
        <source>Linux</source>
        <translation>Linux</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="597"/>
        <source>The disk holds {os}, but {chosen} is the {chosen_language} version; choose the {language} one.</source>
        <translation>ディスクには {os} が入っていますが、{chosen} は{chosen_language}版です。{language}版を選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="598"/>
        <source>Partition {number} starts beyond the end of the disk; it was ignored.</source>
        <translation>パーティション {number} の開始位置がディスクの末尾を超えています。このパーティションは無視しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="599"/>
        <source>Partition {number} ends beyond the end of the disk.</source>
        <translation>パーティション {number} の終了位置がディスクの末尾を超えています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="600"/>
        <source>The chain of logical partitions loops; it was read up to the loop.</source>
        <translation>論理パーティションのチェーンが循環しています。循環する手前まで読み取りました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="601"/>
        <source>An extended boot record is damaged; the logical partitions after it were not read.</source>
        <translation>拡張ブートレコードが破損しています。それ以降の論理パーティションは読み取りませんでした。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="602"/>
        <source>More than {count} logical partitions; the rest were not read.</source>
        <translation>論理パーティションが {count} 個を超えています。残りは読み取りませんでした。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="603"/>
        <source>The GPT partition table is damaged (its primary and backup headers fail their checks); it could not be read.</source>
        <translation>GPT パーティションテーブルが破損しています（プライマリとバックアップの両方のヘッダーが検査に失敗しました）。読み取れませんでした。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="604"/>
        <source>The primary GPT header or its entries are damaged; the backup copy at the end of the disk was used.</source>
        <translation>プライマリ GPT ヘッダーまたはそのエントリーが破損しています。ディスク末尾のバックアップを使用しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="605"/>
        <source>GPT entry {number} has an impossible extent; it was ignored.</source>
        <translation>GPT エントリー {number} の範囲が不正です。このエントリーは無視しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="606"/>
        <source>The disk is smaller than one sector.</source>
        <translation>ディスクが 1 セクターより小さいです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="607"/>
        <source>Ready: nothing on this disk goes against the provider&apos;s rules.</source>
        <translation>インポート可能: このディスクにはプロバイダーの規則に反する点はありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="608"/>
        <source>Ready, with warnings: it can be imported, but look at the points below first.</source>
        <translation>インポート可能(警告あり): インポートはできますが、先に以下の点を確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="609"/>
        <source>Not ready: fix the problems below in the VM before you upload it.</source>
        <translation>インポート不可: アップロードの前に、仮想マシン上で以下の問題を解決してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="610"/>
        <source>Cannot tell: part of this disk could not be inspected; judge it yourself before you upload it.</source>
        <translation>判定不能: このディスクの一部を検査できませんでした。アップロードの前にご自身で判断してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="611"/>
        <source>no region given</source>
        <translation>リージョン指定なし</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="612"/>
        <source>The LVM label is damaged.</source>
        <translation>LVM ラベルが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="613"/>
        <source>The LVM metadata of this physical volume could not be read.</source>
        <translation>この物理ボリュームの LVM メタデータを読み取れませんでした。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="614"/>
        <source>a segment of it is damaged</source>
        <translation>セグメントの一部が破損しています</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="615"/>
        <source>it is a {kind} volume, not a linear one</source>
        <translation>リニアではなく {kind} ボリュームです</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="616"/>
        <source>part of it is on a physical volume that is not on this disk</source>
        <translation>一部がこのディスク上にない物理ボリュームにあります</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="617"/>
        <source>it has no segments</source>
        <translation>セグメントがありません</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="618"/>
        <source>The logical volume cannot be read: {why}.</source>
        <translation>論理ボリュームを読み取れません: {why}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="619"/>
        <source>The logical volume {name} cannot be read.</source>
        <translation>論理ボリューム {name} を読み取れません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="620"/>
        <source>Warning: the log file {path} cannot be written ({reason}); this run is not logged there. Free some space in its folder, or set VMDKIMPORT_HOME to a folder on another disk.</source>
        <translation>警告: ログファイル {path} に書き込めません（{reason}）。今回の実行はログに記録されません。そのフォルダーの空き容量を増やすか、VMDKIMPORT_HOME に別のディスク上のフォルダーを指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="621"/>
        <source>Converted to a streamOptimized VMDK while uploading.</source>
        <translation>アップロード中にstreamOptimized形式のVMDKに変換します。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="622"/>
        <source>Converted to a streamOptimized VMDK while uploading: about {output} to send for a {disk} disk.</source>
        <translation>アップロード中にstreamOptimized形式のVMDKに変換します。{disk}のディスクに対し、送信量は約{output}です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="625"/>
        <source>The local ledger {path} cannot be used: {reason}.</source>
        <translation>ローカルの台帳 {path} を使用できません: {reason}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="626"/>
        <source>The disk that holds {folder} is full. Free some space there, or set VMDKIMPORT_HOME to a folder on another disk, then run the command again.</source>
        <translation>{folder} があるディスクがいっぱいです。空き容量を増やすか、VMDKIMPORT_HOME に別のディスク上のフォルダーを指定してから、もう一度実行してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="627"/>
        <source>Check that {folder} exists and that you may write there, or set VMDKIMPORT_HOME to another folder, then run the command again.</source>
        <translation>{folder} が存在し、書き込み権限があることを確認するか、VMDKIMPORT_HOME に別のフォルダーを指定してから、もう一度実行してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="647"/>
        <source>An import_id is a UUID such as 6bf65660-70ee-4a75-b61a-36ac040c289c.</source>
        <translation>import_id は 6bf65660-70ee-4a75-b61a-36ac040c289c のようなUUIDです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="656"/>
        <source>{address} is an IP address, but the KMS server must be given by its name (FQDN), for example kms.example.com:1688.</source>
        <translation>{address} はIPアドレスです。KMSサーバーは名前（FQDN）で指定してください（例: kms.example.com:1688）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="662"/>
        <source>kms needs &quot;activate&quot;: true (and server_info if not the region&apos;s default); otherwise leave kms out.</source>
        <translation>kmsには &quot;activate&quot;: true（リージョンの既定以外を使う場合は server_info も）が必要です。それ以外の場合はkmsを省略してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="663"/>
        <source>kms needs &quot;activate&quot;: true; only server_info may be left out.</source>
        <translation>kmsには &quot;activate&quot;: true が必要です。省略できるのは server_info だけです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="681"/>
        <source>No object has this name yet: the disk will be uploaded.</source>
        <translation>この名前のオブジェクトはまだありません。ディスクをアップロードします。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="682"/>
        <source>This disk is already there (uploaded earlier): nothing will be sent.</source>
        <translation>このディスクはすでにアップロード済みです。何も送信しません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="683"/>
        <source>An upload of a disk with this name, size and date is already there. Before sending anything, the upload reads your disk once to compare them, and keeps the object if they are the same.</source>
        <translation>この名前、サイズ、日時のディスクはすでにアップロードされています。送信する前にディスクを一度読み込んで比較し、同じであればそのオブジェクトをそのまま使用します。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="684"/>
        <source>An interrupted upload of this disk was found: {present} of {total} segments are already there. The upload resumes.</source>
        <translation>中断されたこのディスクのアップロードが見つかりました（{total}セグメント中{present}セグメントがアップロード済み）。続きからアップロードを再開します。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="685"/>
        <source>Another object of {size} bytes already has this name. It has the same size: before sending anything, the upload compares it with your disk and keeps it if they are the same. Choose another name, or allow replacing it.</source>
        <translation>この名前のオブジェクト（{size}バイト）がすでに存在します。サイズが同じため、アップロード前にお使いのディスクと比較し、同一であればそのまま使用します。別の名前を指定するか、置き換えを許可してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="686"/>
        <source>Another object of {size} bytes already has this name. Choose another name, or allow replacing it.</source>
        <translation>この名前のオブジェクト（{size}バイト）がすでに存在します。別の名前を指定するか、置き換えを許可してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="152"/>
        <source>Copy or export the disk again from its source (in binary mode), then check the new file.</source>
        <translation>ディスクを元の場所から（バイナリモードで）コピーまたはエクスポートし直してから、新しいファイルを確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="42"/>
        <source>Contact support. Quote the request id shown with this error, so that support can find the request.</source>
        <translation>サポートに連絡してください。サポートがリクエストを特定できるよう、このエラーに表示されたリクエストIDを伝えてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="153"/>
        <source>Start it again when you are ready.</source>
        <translation>準備ができたら、もう一度開始してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="154"/>
        <source>The file {path} does not exist.</source>
        <translation>ファイル{path}が存在しません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="155"/>
        <source>Check the path and the file name, then choose the file again.</source>
        <translation>パスとファイル名を確認してから、ファイルを選択し直してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="156"/>
        <source>{path} is a folder, not a disk file.</source>
        <translation>{path}はフォルダーです。ディスクファイルではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="157"/>
        <source>Choose the .vmdk (or .ova, .ovf, .vmx) file inside it.</source>
        <translation>フォルダー内の.vmdk（または.ova、.ovf、.vmx）ファイルを選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="158"/>
        <source>You are not allowed to read {path}.</source>
        <translation>{path}を読み取る権限がありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="159"/>
        <source>Ask for read access to the file, or copy it to a folder of yours (if it belongs to a running VM, shut the VM down first).</source>
        <translation>ファイルの読み取り権限の付与を依頼するか、ファイルをご自身のフォルダーにコピーしてください（実行中のVMのファイルである場合は、先にVMをシャットダウンしてください）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="160"/>
        <source>{path} could not be read: {reason}.</source>
        <translation>{path}を読み取れませんでした: {reason}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="161"/>
        <source>Check that the disk or network share holding the file is reachable, then try again.</source>
        <translation>ファイルがあるディスクまたはネットワーク共有にアクセスできることを確認してから、もう一度実行してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="164"/>
        <source>a gzip-compressed file</source>
        <translation>gzip圧縮ファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="165"/>
        <source>an xz-compressed file</source>
        <translation>xz圧縮ファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="166"/>
        <source>a Zstandard-compressed file</source>
        <translation>Zstandard圧縮ファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="167"/>
        <source>a 7-Zip archive</source>
        <translation>7-Zipアーカイブ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="168"/>
        <source>a RAR archive</source>
        <translation>RARアーカイブ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="169"/>
        <source>a ZIP archive</source>
        <translation>ZIPアーカイブ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="170"/>
        <source>an (empty) ZIP archive</source>
        <translation>（空の）ZIPアーカイブ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="171"/>
        <source>an empty file (0 bytes)</source>
        <translation>空のファイル（0バイト）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="172"/>
        <source>a VMware sparse disk (hosted sparse extent)</source>
        <translation>VMwareのスパースディスク（ホスト型スパースエクステント）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="173"/>
        <source>an ESX sparse extent (COWD), the data file of a vmfsSparse snapshot or disk</source>
        <translation>vmfsSparse形式のスナップショットまたはディスクのデータファイルであるESXスパースエクステント（COWD）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="174"/>
        <source>an ESXi SE sparse extent (seSparse), the data file of a snapshot or thin disk on a VMFS datastore</source>
        <translation>VMFSデータストア上のスナップショットまたはシンディスクのデータファイルであるESXi SEスパースエクステント（seSparse）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="175"/>
        <source>a QEMU {name} disk image (version {version})</source>
        <translation>QEMU {name}ディスクイメージ（バージョン{version}）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="176"/>
        <source>It is an overlay on a backing file.</source>
        <translation>このイメージは、バッキングファイルに重ねたオーバーレイです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="177"/>
        <source>a QEMU QED disk image</source>
        <translation>QEMU QEDディスクイメージ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="178"/>
        <source>a Hyper-V VHDX disk image</source>
        <translation>Hyper-V VHDXディスクイメージ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="179"/>
        <source>a VirtualBox VDI disk image</source>
        <translation>VirtualBox VDIディスクイメージ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="180"/>
        <source>a Parallels disk image</source>
        <translation>Parallelsディスクイメージ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="181"/>
        <source>a bzip2-compressed file</source>
        <translation>bzip2圧縮ファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="182"/>
        <source>a tar archive</source>
        <translation>tarアーカイブ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="183"/>
        <source>a VMDK descriptor (text) file</source>
        <translation>VMDK記述子（テキスト）ファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="184"/>
        <source>an XML file</source>
        <translation>XMLファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="185"/>
        <source>a VMware virtual machine configuration (.vmx) file</source>
        <translation>VMware仮想マシン構成（.vmx）ファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="186"/>
        <source>a text file</source>
        <translation>テキストファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="187"/>
        <source>an ISO 9660 / UDF optical disc image (an installation or data DVD)</source>
        <translation>ISO 9660 / UDF光ディスクイメージ（インストール用またはデータ用のDVD）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="188"/>
        <source>a raw disk image with a GPT partition table</source>
        <translation>GPTパーティションテーブルを持つrawディスクイメージ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="189"/>
        <source>a single {filesystem} file system (a partition image, not a whole disk)</source>
        <translation>単一の{filesystem}ファイルシステム（ディスク全体ではなく、パーティションのイメージ）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="190"/>
        <source>a raw disk image with an MBR partition table</source>
        <translation>MBRパーティションテーブルを持つrawディスクイメージ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="191"/>
        <source>not a disk image format this tool recognises</source>
        <translation>このツールが認識できない形式のファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="192"/>
        <source>a fixed VHD (Virtual PC / Hyper-V) disk image</source>
        <translation>容量固定のVHD（Virtual PC / Hyper-V）ディスクイメージ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="193"/>
        <source>a dynamic VHD (Virtual PC / Hyper-V) disk image</source>
        <translation>容量可変のVHD（Virtual PC / Hyper-V）ディスクイメージ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="194"/>
        <source>a differencing VHD (Virtual PC / Hyper-V) disk image</source>
        <translation>差分VHD（Virtual PC / Hyper-V）ディスクイメージ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="195"/>
        <source>A differencing VHD holds only the changes to a parent VHD.</source>
        <translation>差分VHDには、親VHDに対する変更分のみが格納されています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="196"/>
        <source>A tar header holds a negative number.</source>
        <translation>tarヘッダーに負の数値が含まれています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="197"/>
        <source>A tar header holds a number that is not octal.</source>
        <translation>tarヘッダーに8進数ではない数値が含まれています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="198"/>
        <source>A tar extended (PAX) header is malformed.</source>
        <translation>tar拡張（PAX）ヘッダーの形式が正しくありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="199"/>
        <source>The tar archive ends in the middle of a header: the file is truncated.</source>
        <translation>tarアーカイブがヘッダーの途中で終わっています。ファイルが途中で切れています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="200"/>
        <source>The tar archive has a damaged header at byte {offset}.</source>
        <translation>tarアーカイブのバイト位置{offset}にあるヘッダーが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="201"/>
        <source>The tar archive is shorter than its headers say: the file is truncated (a member needs {needed} bytes, the file has {size}).</source>
        <translation>tarアーカイブが、ヘッダーの記載より短くなっています。ファイルが途中で切れています（格納されたファイルには{needed}バイトが必要ですが、ファイルのサイズは{size}バイトです）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="202"/>
        <source>The tar archive has an implausibly large extended header.</source>
        <translation>tarアーカイブに、異常に大きな拡張ヘッダーがあります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="203"/>
        <source>The tar archive has more than {count} members; it is not an OVA.</source>
        <translation>このtarアーカイブには{count}個を超えるファイルが含まれています。OVAではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="116"/>
        <source>object storage and no image import</source>
        <translation>オブジェクトストレージおよびイメージインポート</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="117"/>
        <source>object storage</source>
        <translation>オブジェクトストレージ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="118"/>
        <source>image import</source>
        <translation>イメージインポート</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="119"/>
        <source>No {what} endpoint was found for region {region}.</source>
        <translation>リージョン {region} の{what}のエンドポイントが見つかりません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="120"/>
        <source>No {what} endpoint was found.</source>
        <translation>{what}のエンドポイントが見つかりません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="121"/>
        <source>Choose a region, or enter the endpoint URLs under Custom endpoints.</source>
        <translation>リージョンを選択するか、カスタムエンドポイントにエンドポイントURLを入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="459"/>
        <source>{detail} ({code}: {message})</source>
        <translation>{detail}（{code}: {message}）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="461"/>
        <source>Check your network connection, proxy settings and the endpoint address, then try again.</source>
        <translation>ネットワーク接続、プロキシの設定、エンドポイントのアドレスを確認してから、もう一度実行してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="462"/>
        <source>The service answered with code {code}, which this version of the tool does not know.</source>
        <translation>サービスがコード {code} を返しました。このバージョンのツールでは認識できないコードです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="463"/>
        <source>Service said: {detail}</source>
        <translation>サービスからのメッセージ: {detail}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="473"/>
        <source>Start the same upload again to resume it.</source>
        <translation>同じアップロードをもう一度開始すると、続きから再開されます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="122"/>
        <source>The TLS certificate of {host} could not be verified ({reason}). If your company inspects TLS traffic, set its CA bundle in the settings.</source>
        <translation>{host} のTLS証明書を検証できませんでした（{reason}）。社内でTLS通信を検査している場合は、設定でそのCAバンドルを指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="123"/>
        <source>The proxy refused or failed the connection to {host} ({reason}).</source>
        <translation>プロキシが {host} への接続を拒否したか、接続に失敗しました（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="124"/>
        <source>Connecting to {host} timed out ({reason}).</source>
        <translation>{host} への接続がタイムアウトしました（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="125"/>
        <source>The connection to {host} failed ({reason}).</source>
        <translation>{host} への接続に失敗しました（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="126"/>
        <source>{host} did not answer in time ({reason}).</source>
        <translation>{host} から時間内に応答がありませんでした（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="127"/>
        <source>The request to {host} failed ({reason}).</source>
        <translation>{host} への要求に失敗しました（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="128"/>
        <source>identity URL or region</source>
        <translation>認証URLまたはリージョン</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="129"/>
        <source>contract number</source>
        <translation>契約番号</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="130"/>
        <source>user name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="131"/>
        <source>password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="132"/>
        <source>project id or name</source>
        <translation>プロジェクトIDまたはプロジェクト名</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="133"/>
        <source>Sign-in needs: {missing}.</source>
        <translation>サインインには次の項目が必要です: {missing}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="136"/>
        <source>Check the identity URL: it usually ends in /v3.</source>
        <translation>認証URLを確認してください。通常、末尾は/v3です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="137"/>
        <source>The sign-in worked but the token is not tied to a project.</source>
        <translation>サインインはできましたが、トークンがプロジェクトに関連付けられていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="142"/>
        <source>Choose another container name.</source>
        <translation>別のコンテナ名を指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="204"/>
        <source>The OVF descriptor is larger than {limit} MiB; a real one is a few KiB. It was not read.</source>
        <translation>OVF記述子が{limit} MiBを超えています（実際のOVF記述子は数KiBです）。読み込みは行っていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="205"/>
        <source>The OVF descriptor contains a DTD or entity declarations, or is nested or sized beyond any real OVF; it was not read (this protects against malicious XML).</source>
        <translation>OVF記述子にDTDまたはエンティティ宣言が含まれているか、入れ子の深さやサイズが実際のOVFではありえない値です。悪意のあるXMLから保護するため、読み込みは行っていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="206"/>
        <source>Export the VM again from vSphere or VMware Workstation and use that OVF.</source>
        <translation>vSphereまたはVMware WorkstationからVMを再度エクスポートし、そのOVFを使用してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="207"/>
        <source>The OVF descriptor is not well-formed XML ({error} at line {line}): it is damaged or truncated.</source>
        <translation>OVF記述子が整形式のXMLではありません（{line}行目: {error}）。ファイルが破損しているか、途中で切れています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="208"/>
        <source>Export the VM again, or restore the .ovf from the original export.</source>
        <translation>VMを再度エクスポートするか、元のエクスポートから.ovfを復元してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="209"/>
        <source>The XML file is not an OVF descriptor (its root element is &lt;{element}&gt;, not &lt;Envelope&gt;).</source>
        <translation>このXMLファイルはOVF記述子ではありません（ルート要素が&lt;Envelope&gt;ではなく&lt;{element}&gt;です）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="210"/>
        <source>Choose the .ovf, .ova or .vmdk file of the export.</source>
        <translation>エクスポートされた.ovf、.ova、または.vmdkファイルを選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="211"/>
        <source>The OVF envelope does not use the DMTF OVF namespace; it was read as well as possible.</source>
        <translation>OVFのEnvelopeがDMTFのOVF名前空間を使用していません。可能な範囲で読み込みました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="212"/>
        <source>The OVF describes {count} virtual machines; the first one is used.</source>
        <translation>OVFには{count}台の仮想マシンが記述されています。最初の仮想マシンを使用します。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="213"/>
        <source>Disk {disk_id} has no file (an empty disk that is created on deployment); it cannot be imported.</source>
        <translation>ディスク{disk_id}にはファイルがありません（デプロイ時に作成される空のディスクです）。このディスクはインポートできません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="214"/>
        <source>The OVF gives the memory size without a unit; it was not used.</source>
        <translation>OVFのメモリサイズに単位が指定されていないため、メモリサイズは使用しませんでした。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="215"/>
        <source>The .vmx file is larger than 1 MiB; a real one is a few KiB.</source>
        <translation>.vmxファイルが1 MiBを超えています（実際の.vmxファイルは数KiBです）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="216"/>
        <source>The file has no key = &quot;value&quot; lines: it is not a .vmx file.</source>
        <translation>このファイルにはkey = &quot;value&quot;形式の行がありません。.vmxファイルではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="217"/>
        <source>The import service&apos;s OS list has no entry for this OS ({what}). Choose the OS that is really installed; if it is not in the list, the service may not support it.</source>
        <translation>インポートサービスのOS一覧に、このOS（{what}）はありません。実際にインストールされているOSを選択してください。一覧にない場合は、サービスがそのOSをサポートしていない可能性があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="218"/>
        <source>Windows Server 2012 or 2012 R2</source>
        <translation>Windows Server 2012または2012 R2</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="219"/>
        <source>Windows Server 2016 or later</source>
        <translation>Windows Server 2016以降</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="220"/>
        <source>Red Hat Enterprise Linux (64-bit)</source>
        <translation>Red Hat Enterprise Linux（64ビット）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="221"/>
        <source>Ubuntu (64-bit)</source>
        <translation>Ubuntu（64ビット）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="222"/>
        <source>CentOS (64-bit)</source>
        <translation>CentOS（64ビット）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="223"/>
        <source>choose by the edition installed: Standard (SE) or Enterprise (EE)</source>
        <translation>インストールされているエディション（Standard (SE)またはEnterprise (EE)）に応じて選択してください</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="224"/>
        <source>the service lists only Standard Edition (SE); choose it if that is the edition installed</source>
        <translation>サービスの一覧にはStandard Edition (SE)のみがあります。インストールされているエディションがStandard Editionであれば、これを選択してください</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="225"/>
        <source>choose by the language of the installed Windows (Japanese or English)</source>
        <translation>インストールされているWindowsの言語（日本語または英語）に応じて選択してください</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="226"/>
        <source>guest OS {vmware_id}</source>
        <translation>ゲストOS {vmware_id}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="227"/>
        <source>VMware id {vmware_id}</source>
        <translation>VMwareのID {vmware_id}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="228"/>
        <source>OVF OS id {cim_id}</source>
        <translation>OVFのOS ID {cim_id}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="229"/>
        <source>guest OS {vmware_id} and OVF OS id {cim_id}</source>
        <translation>ゲストOS {vmware_id}とOVFのOS ID {cim_id}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="230"/>
        <source>VMware uses one id for Windows Server 2012 and 2012 R2; choose the one installed</source>
        <translation>VMwareではWindows Server 2012と2012 R2に同じIDが使用されています。インストールされている方を選択してください</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="231"/>
        <source>VMware uses this id for Windows Server 2016 and 2019, and only 2016 is in the service&apos;s list; choose by the language of the installed Windows</source>
        <translation>VMwareではこのIDがWindows Server 2016と2019の両方に使用されており、サービスの一覧には2016のみがあります。インストールされているWindowsの言語に応じて選択してください</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="232"/>
        <source>the major version is not recorded; choose the one installed</source>
        <translation>メジャーバージョンが記録されていません。インストールされているバージョンを選択してください</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="233"/>
        <source>{what}: {choices}; {why}.</source>
        <translation>{what}: {choices}。{why}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="234"/>
        <source>{what}: {choices}.</source>
        <translation>{what}: {choices}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="235"/>
        <source>{keyword} ({description})</source>
        <translation>{keyword}（{description}）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="236"/>
        <source>{first} or {second}</source>
        <translation>{first}または{second}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="237"/>
        <source>{name} in the OVA is {size} bytes; an OVF descriptor is never larger than {limit} MiB.</source>
        <translation>OVA内の{name}のサイズが{size}バイトあります。OVF記述子が{limit} MiBを超えることはありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="238"/>
        <source>The extraction was cancelled; nothing was kept.</source>
        <translation>取り出しを中止しました。作成途中のファイルは残っていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="239"/>
        <source>{path} ended before the disk inside it did: the archive is truncated.</source>
        <translation>{path}が、中のディスクの途中で終わっています。アーカイブが途中で切れています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="240"/>
        <source>Extracting the disk from {source} to {destination} failed: {reason}.</source>
        <translation>{source}から{destination}へのディスクの取り出しに失敗しました: {reason}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="241"/>
        <source>Check that the destination folder exists, is writable and has {size} bytes free, then try again.</source>
        <translation>保存先のフォルダーが存在し、書き込み可能で、{size}バイトの空き容量があることを確認してから、もう一度実行してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="242"/>
        <source>export the VM as OVF (vSphere Client: right-click the VM &gt; Template &gt; Export OVF Template; VMware Workstation: File &gt; Export to OVF) and choose the .vmdk of the export</source>
        <translation>VMをOVFとしてエクスポートし（vSphere Client: VMを右クリックして「Template」&gt;「Export OVF Template」、VMware Workstation: 「File」&gt;「Export to OVF」）、エクスポートされた.vmdkを選択</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="243"/>
        <source>Copy the disk again from its source in binary mode (or export the VM as OVF again), then check the new copy.</source>
        <translation>ディスクを元の場所からバイナリモードでコピーし直して（またはVMをOVFとしてエクスポートし直して）から、新しいコピーを確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="244"/>
        <source>{name} cannot be imported.</source>
        <translation>{name}はインポートできません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="245"/>
        <source>Choose a VMDK file (or an OVA/OVF export of the VM).</source>
        <translation>VMDKファイル（またはVMのOVA/OVFエクスポート）を選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="246"/>
        <source>{gib} GiB ({n} bytes)</source>
        <translation>{gib} GiB（{n}バイト）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="247"/>
        <source>{mib} MiB ({n} bytes)</source>
        <translation>{mib} MiB（{n}バイト）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="248"/>
        <source>{n} bytes</source>
        <translation>{n}バイト</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="162"/>
        <source>{path} is not a regular file (a device, pipe or socket).</source>
        <translation>{path}は通常のファイルではありません（デバイス、パイプ、またはソケットです）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="163"/>
        <source>Choose a disk image file.</source>
        <translation>ディスクイメージファイルを選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="249"/>
        <source>the raw data file of a VMware flat disk</source>
        <translation>VMwareフラットディスクのrawデータファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="250"/>
        <source>{name} looks like the data (extent) file of a VMware disk whose descriptor is {descriptor} (it is in the same folder).</source>
        <translation>{name}は、記述子が{descriptor}であるVMwareディスクのデータ（エクステント）ファイルと思われます（記述子は同じフォルダーにあります）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="251"/>
        <source>{name} looks like the data (extent) file of a VMware disk whose descriptor is {descriptor} (not found in the same folder).</source>
        <translation>{name}は、記述子が{descriptor}であるVMwareディスクのデータ（エクステント）ファイルと思われます（記述子は同じフォルダーに見つかりません）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="252"/>
        <source>Choose {descriptor} instead and convert it with qemu-img; or {export_ovf}.</source>
        <translation>代わりに{descriptor}を選択し、qemu-imgで変換してください。または、{export_ovf}してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="253"/>
        <source>Convert the disk (descriptor and data file) into one importable file: {command}. Or {export_ovf}.</source>
        <translation>ディスク（記述子とデータファイル）を、インポートできる1つのファイルに変換してください: {command}。または、{export_ovf}してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="254"/>
        <source>If this is the disk&apos;s only data file, convert it as a raw disk: {command}. Otherwise copy {descriptor} and all its data files into one folder and convert that; or {export_ovf}.</source>
        <translation>これがディスクの唯一のデータファイルである場合は、rawディスクとして変換してください: {command}。そうでない場合は、{descriptor}とそのすべてのデータファイルを1つのフォルダーにコピーして変換するか、{export_ovf}してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="255"/>
        <source>The file is named .vmdk, but it is {description}: it has no VMDK header and no descriptor. Renaming a file does not convert it.</source>
        <translation>ファイル名は.vmdkですが、中身は{description}です。VMDKヘッダーも記述子もありません。ファイル名を変更しても、形式は変換されません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="256"/>
        <source>The file is named {suffix}, but it is {description}: it is damaged, or not the {suffix} file of the export.</source>
        <translation>ファイル名は{suffix}ですが、中身は{description}です。ファイルが破損しているか、エクスポートの{suffix}ファイルではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="257"/>
        <source>This is {description}, not a VMDK. The import service takes VMDK files only.</source>
        <translation>これは{description}であり、VMDKではありません。インポートサービスが受け付けるのはVMDKファイルのみです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="258"/>
        <source>{note} Its base image must be next to it for a conversion, which merges both into one disk.</source>
        <translation>{note}変換するには、ベースイメージが同じ場所にある必要があります。変換すると、両方が1つのディスクに統合されます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="259"/>
        <source>Convert it to a streamOptimized VMDK with qemu-img: {command}</source>
        <translation>qemu-imgでstreamOptimized形式のVMDKに変換してください: {command}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="260"/>
        <source>Extract it, then convert it to a streamOptimized VMDK with qemu-img.</source>
        <translation>ファイルを展開してから、qemu-imgでstreamOptimized形式のVMDKに変換してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="261"/>
        <source>The file is empty (0 bytes): the copy or download did not finish.</source>
        <translation>ファイルが空です（0バイト）。コピーまたはダウンロードが完了していません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="262"/>
        <source>This is {description}, not a disk with an installed system.</source>
        <translation>これは{description}であり、システムがインストールされたディスクではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="263"/>
        <source>Install the OS from it into a VM (for example in VMware), then export that VM as OVF and import its .vmdk.</source>
        <translation>このイメージからVM（VMwareなど）にOSをインストールし、そのVMをOVFとしてエクスポートしてから、その.vmdkをインポートしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="264"/>
        <source>This is {description}: it has no partition table and no boot loader, so a server could not start from it.</source>
        <translation>これは{description}です。パーティションテーブルもブートローダーもないため、サーバを起動できません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="265"/>
        <source>Make an image of the whole disk instead: {export_ovf}.</source>
        <translation>代わりにディスク全体のイメージを作成してください。それには、{export_ovf}してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="266"/>
        <source>This is {description}. The import service needs the disk itself, not compressed.</source>
        <translation>これは{description}です。インポートサービスには、圧縮されていないディスクそのものが必要です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="267"/>
        <source>Decompress it first (gunzip, xz -d, bunzip2, zstd -d, or 7-Zip on Windows), then check the file that comes out.</source>
        <translation>先に解凍（gunzip、xz -d、bunzip2、zstd -d、Windowsでは7-Zip）してから、出力されたファイルを確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="268"/>
        <source>This is {description}, not a disk.</source>
        <translation>これは{description}であり、ディスクではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="269"/>
        <source>Extract it (7-Zip, or unzip/tar), then choose the .vmdk (or .ova/.ovf) inside.</source>
        <translation>ファイルを展開（7-Zipまたはunzip/tar）してから、中の.vmdk（または.ova/.ovf）を選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="270"/>
        <source>This is {description} (it starts with bytes {start}). It is not a VMDK, an OVA, an OVF or a VMX file.</source>
        <translation>これは{description}です（先頭のバイト: {start}）。VMDK、OVA、OVF、VMXのいずれのファイルでもありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="271"/>
        <source>Choose the VMware disk (.vmdk) or the OVF/OVA export of the VM. If this is a raw disk image, convert it: {command}.</source>
        <translation>VMwareのディスク（.vmdk）またはVMのOVF/OVAエクスポートを選択してください。これがrawディスクイメージの場合は、変換してください: {command}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="272"/>
        <source>a VMDK disk</source>
        <translation>VMDKディスク</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="273"/>
        <source>the small descriptor .vmdk</source>
        <translation>小さな記述子の.vmdkファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="274"/>
        <source>one extent (data part) of a split VMDK</source>
        <translation>分割されたVMDKの1つのエクステント（データ部分）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="275"/>
        <source>This file is one part (extent) of a disk split into several files: it has no descriptor of its own. The disk is described by {owner}, which lists all its parts.</source>
        <translation>このファイルは、複数のファイルに分割されたディスクの一部（エクステント）であり、それ自体には記述子がありません。このディスクは、すべての部分を列挙している{owner}で記述されています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="276"/>
        <source>Choose {owner} instead and convert the whole disk into one file with qemu-img; or {export_ovf}.</source>
        <translation>代わりに{owner}を選択し、qemu-imgでディスク全体を1つのファイルに変換してください。または、{export_ovf}してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="277"/>
        <source>The VMDK&apos;s descriptor has no createType; judging by its header it is {create}.</source>
        <translation>VMDKの記述子にcreateTypeがありません。ヘッダーから判断すると{create}形式です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="278"/>
        <source>The descriptor says {create}, but the header has compressed grains and stream markers: the file is inconsistent.</source>
        <translation>記述子では{create}形式となっていますが、ヘッダーには圧縮グレインとストリームマーカーがあります。ファイルの内容に矛盾があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="279"/>
        <source>The descriptor says {create}, but the header lacks compressed grains and stream markers: the file is inconsistent.</source>
        <translation>記述子では{create}形式となっていますが、ヘッダーには圧縮グレインとストリームマーカーがありません。ファイルの内容に矛盾があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="280"/>
        <source>The descriptor gives the disk {descriptor_size} bytes, the header {header_size}: the file is inconsistent.</source>
        <translation>ディスクのサイズが、記述子では{descriptor_size}バイト、ヘッダーでは{header_size}バイトとなっており、ファイルの内容に矛盾があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="281"/>
        <source>a {create} VMDK</source>
        <translation>{create}形式のVMDK</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="282"/>
        <source>The name {name} is how VMware names snapshot files, but this disk has no parent: check that it is the disk you mean to import.</source>
        <translation>{name}はVMwareがスナップショットファイルに付ける形式の名前ですが、このディスクには親ディスクがありません。インポートしようとしているディスクで間違いないか確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="283"/>
        <source>streamOptimized: the compressed single-file form an OVF export writes. The provider documents no subformat, but its examples are the disks of OVF exports: this is the form most likely to be accepted.</source>
        <translation>streamOptimized: OVFエクスポートで作成される、圧縮された単一ファイルの形式です。提供元のドキュメントにサブフォーマットの記載はありませんが、例として挙げられているのはOVFエクスポートのディスクであり、最も受け付けられる可能性が高い形式です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="284"/>
        <source>Optional: convert it to streamOptimized first: {command}</source>
        <translation>任意: 先にstreamOptimized形式に変換することもできます: {command}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="285"/>
        <source>Optional: extract it and convert it to streamOptimized with qemu-img.</source>
        <translation>任意: 展開してから、qemu-imgでstreamOptimized形式に変換することもできます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="286"/>
        <source>monolithicSparse: one growable file (VMware Workstation&apos;s usual form). The provider does not document which VMDK subformats it accepts; its examples are the disks of OVF exports, which are streamOptimized. The upload may work as it is (unconfirmed); converting removes the doubt.</source>
        <translation>monolithicSparse: 拡張可能な単一のファイルです（VMware Workstationの通常の形式）。提供元は受け付けるVMDKサブフォーマットを明記していませんが、例として挙げられているのはOVFエクスポートのディスク（streamOptimized形式）です。このままでもアップロードできる可能性はありますが（未確認）、変換すればその懸念はなくなります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="287"/>
        <source>Descriptor: adapter {adapter}, virtual hardware version {version}.</source>
        <translation>記述子: アダプター{adapter}、仮想ハードウェアバージョン{version}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="288"/>
        <source>Descriptor: adapter {adapter}.</source>
        <translation>記述子: アダプター{adapter}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="289"/>
        <source>Descriptor: virtual hardware version {version}.</source>
        <translation>記述子: 仮想ハードウェアバージョン{version}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="290"/>
        <source>a snapshot (delta) VMDK</source>
        <translation>スナップショット（差分）VMDK</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="291"/>
        <source>This disk is a snapshot (delta) disk: it holds only the changes made since a snapshot was taken, on top of its parent disk {parent}. On its own it is not a complete disk.</source>
        <translation>このディスクはスナップショット（差分）ディスクです。親ディスク{parent}に対して、スナップショットの作成以降に行われた変更のみを格納しています。単独では完全なディスクではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="292"/>
        <source>This disk is a snapshot (delta) disk: it holds only the changes made since a snapshot was taken, on top of its parent disk. On its own it is not a complete disk.</source>
        <translation>このディスクはスナップショット（差分）ディスクです。親ディスクに対して、スナップショットの作成以降に行われた変更のみを格納しています。単独では完全なディスクではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="293"/>
        <source>In VMware, delete (consolidate) the VM&apos;s snapshots (Snapshot Manager &gt; Delete All) and use the single disk that remains; or {export_ovf}.</source>
        <translation>VMwareの「Snapshot Manager」&gt;「Delete All」でVMのスナップショットを削除（統合）し、残った1つのディスクを使用してください。または、{export_ovf}してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="294"/>
        <source>{consolidate} Or merge the snapshot chain into one new file with qemu-img (the parent {parent} is in the same folder): {command}</source>
        <translation>{consolidate}または、qemu-imgでスナップショットチェーンを1つの新しいファイルに統合してください（親ディスク{parent}は同じフォルダーにあります）: {command}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="295"/>
        <source>{consolidate} (The parent disk {parent} is not in the same folder, so it cannot be merged here.)</source>
        <translation>{consolidate}（親ディスク{parent}が同じフォルダーにないため、ここでは統合できません。）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="296"/>
        <source>one flat (preallocated, raw) data file</source>
        <translation>1つのフラット（事前割り当て済み、raw）データファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="297"/>
        <source>pieces of at most 2 GB (split sparse)</source>
        <translation>最大2 GBずつに分割されたファイル（分割スパース）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="298"/>
        <source>preallocated pieces of at most 2 GB (split flat)</source>
        <translation>最大2 GBずつに分割された事前割り当て済みのファイル（分割フラット）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="299"/>
        <source>a flat data file on an ESXi datastore</source>
        <translation>ESXiデータストア上のフラットデータファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="300"/>
        <source>an ESX sparse (snapshot) data file</source>
        <translation>ESXスパース（スナップショット）データファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="301"/>
        <source>an ESXi SE sparse (snapshot) data file</source>
        <translation>ESXi SEスパース（スナップショット）データファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="302"/>
        <source>{names} and {count} more</source>
        <translation>{names}、ほか{count}個</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="303"/>
        <source>no file named</source>
        <translation>ファイル名の記載なし</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="304"/>
        <source>a {create} VMDK descriptor</source>
        <translation>{create}形式のVMDK記述子</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="305"/>
        <source>This is a {create} disk: a raw device mapping, whose data is on a physical disk or SAN LUN, not in files. It cannot be imported from here.</source>
        <translation>これは{create}ディスク（Rawデバイスマッピング）です。データはファイルではなく、物理ディスクまたはSAN LUN上にあるため、ここからはインポートできません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="306"/>
        <source>In vSphere, {export_ovf} (for a physical-mode RDM, first convert the disk to a virtual disk with Storage vMotion or Converter).</source>
        <translation>vSphereで{export_ovf}してください（物理互換モードのRDMの場合は、先にStorage vMotionまたはConverterでディスクを仮想ディスクに変換してください）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="307"/>
        <source>other files</source>
        <translation>ほかのファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="308"/>
        <source>only a descriptor ({size} bytes of text)</source>
        <translation>記述子のみ（{size}バイトのテキスト）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="309"/>
        <source>a descriptor of a disk made of several files</source>
        <translation>複数のファイルで構成されるディスクの記述子</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="310"/>
        <source>This .vmdk is {what}: the disk&apos;s data is in {kind}: {files}. The import service takes a single file, so this one cannot be imported as it is.</source>
        <translation>この.vmdkは{what}です。ディスクのデータは{kind}にあります: {files}。インポートサービスは単一のファイルのみを受け付けるため、このファイルはこのままではインポートできません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="311"/>
        <source>createType {create} is not one VMware documents.</source>
        <translation>createType {create}は、VMwareのドキュメントに記載されている値ではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="312"/>
        <source>It is also a snapshot (delta) disk: only the changes since a snapshot of its parent {parent} are in it.</source>
        <translation>また、これはスナップショット（差分）ディスクでもあり、親ディスク{parent}のスナップショット以降の変更のみが格納されています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="313"/>
        <source>It is also a snapshot (delta) disk: only the changes since a snapshot of its parent are in it.</source>
        <translation>また、これはスナップショット（差分）ディスクでもあり、親ディスクのスナップショット以降の変更のみが格納されています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="314"/>
        <source>{count} of its data files are not in the same folder: {files}.</source>
        <translation>データファイルのうち{count}個が同じフォルダーにありません: {files}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="315"/>
        <source>Convert it into one streamOptimized file with qemu-img, which reads the descriptor and its data files: {command}. Or {export_ovf}.</source>
        <translation>記述子とそのデータファイルを読み込むqemu-imgで、streamOptimized形式の1つのファイルに変換してください: {command}。または、{export_ovf}してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="316"/>
        <source>Copy the descriptor together with all its data files into one folder (keep their names) and convert them into one file with qemu-img; or {export_ovf}.</source>
        <translation>記述子とそのすべてのデータファイルを（名前を変えずに）1つのフォルダーにコピーし、qemu-imgで1つのファイルに変換してください。または、{export_ovf}してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="317"/>
        <source>In VMware, {export_ovf}.</source>
        <translation>VMwareで{export_ovf}してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="318"/>
        <source>The file starts like a VMDK descriptor but is far too large to be one: it is damaged.</source>
        <translation>ファイルの先頭はVMDK記述子のようですが、記述子としては大きすぎます。ファイルが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="319"/>
        <source>its small descriptor .vmdk</source>
        <translation>対応する小さな.vmdkファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="320"/>
        <source>an ESX sparse extent (COWD)</source>
        <translation>ESXスパースエクステント（COWD）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="321"/>
        <source>an ESXi SE sparse extent</source>
        <translation>ESXi SEスパースエクステント</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="322"/>
        <source>This is {description}. It holds data only, and only together with its descriptor {owner} (and usually a parent disk) does it make a disk.</source>
        <translation>これは{description}です。データのみを格納しており、記述子ファイル（{owner}）と（通常は親ディスクとも）組み合わせて初めてディスクになります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="323"/>
        <source>Delete (consolidate) the VM&apos;s snapshots in vSphere, then {export_ovf}. (Or download {owner} and all its files from the datastore into one folder and convert the descriptor with qemu-img.)</source>
        <translation>vSphereでVMのスナップショットを削除（統合）してから、{export_ovf}してください。（または、{owner}とそのすべてのファイルをデータストアから1つのフォルダーにダウンロードし、qemu-imgで記述子を変換してください。）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="324"/>
        <source>an OVA (tar) archive</source>
        <translation>OVA（tar）アーカイブ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="325"/>
        <source>The archive is damaged: {error}</source>
        <translation>アーカイブが破損しています: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="326"/>
        <source>Download or export the OVA again.</source>
        <translation>OVAをダウンロードし直すか、エクスポートし直してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="327"/>
        <source>{name} ({size})</source>
        <translation>{name}（{size}）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="328"/>
        <source>This is a tar archive without an OVF descriptor, so it is not an OVA; it contains {files}.</source>
        <translation>これはOVF記述子を含まないtarアーカイブのため、OVAではありません。含まれているファイル: {files}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="329"/>
        <source>This is a tar archive without an OVF descriptor, so it is not an OVA.</source>
        <translation>これはOVF記述子を含まないtarアーカイブのため、OVAではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="330"/>
        <source>Extract it (7-Zip, or tar -xf), then choose the .vmdk inside.</source>
        <translation>ファイルを展開（7-Zipまたはtar -xf）してから、中の.vmdkを選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="331"/>
        <source>an OVA (packaged OVF export)</source>
        <translation>OVA（パッケージ化されたOVFエクスポート）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="332"/>
        <source>The OVF descriptor is not the first file in the OVA, as the OVF standard requires; some tools refuse such archives (this one was read anyway).</source>
        <translation>OVF記述子がOVAの最初のファイルではありません（OVF標準では最初に置くことが求められています）。このようなアーカイブを受け付けないツールもあります（このファイルは読み込みました）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="333"/>
        <source>{name}: {error}</source>
        <translation>{name}: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="334"/>
        <source>The OVF lists no disk file, so there is nothing to import.</source>
        <translation>OVFにディスクファイルが記載されていないため、インポートするものがありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="335"/>
        <source>Export the VM again with its disks.</source>
        <translation>ディスクを含めてVMをエクスポートし直してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="336"/>
        <source>The OVF names the disk file {file}, but the OVA does not contain it: the archive is incomplete.</source>
        <translation>OVFにはディスクファイル{file}が記載されていますが、OVAに含まれていません。アーカイブが不完全です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="337"/>
        <source>The disk {name} inside the OVA</source>
        <translation>OVA内のディスク{name}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="338"/>
        <source>{name} is stored as a sparse file inside the archive, so it cannot be uploaded straight from the OVA.</source>
        <translation>{name}はアーカイブ内にスパースファイルとして格納されているため、OVAから直接アップロードできません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="339"/>
        <source>Extract it first (the wizard can), then upload the extracted file.</source>
        <translation>先に展開してから（ウィザードで展開できます）、展開したファイルをアップロードしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="340"/>
        <source>{description}; its disk is {disk}</source>
        <translation>{description}、ディスクは{disk}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="341"/>
        <source>{label}: {finding}</source>
        <translation>{label}: {finding}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="342"/>
        <source>The VM has {count} disks ({files}). One import makes one image from one disk: the first, {first}, is checked here (normally the boot disk). Import the others separately if you need them.</source>
        <translation>このVMには{count}個のディスク（{files}）があります。1回のインポートでは、1つのディスクから1つのイメージを作成します。ここでは最初のディスク{first}（通常はブートディスク）を確認しています。ほかのディスクが必要な場合は、個別にインポートしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="343"/>
        <source>The disk {file} is split into chunks inside the export (ovf:chunkSize), so no single file holds it.</source>
        <translation>ディスク{file}はエクスポート内でチャンクに分割されている（ovf:chunkSize）ため、1つのファイルにまとまっていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="344"/>
        <source>Export the VM again without splitting files, or rejoin the chunks ({command}) and check the result.</source>
        <translation>ファイルを分割せずにVMをエクスポートし直すか、チャンクを結合して（{command}）、結果を確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="345"/>
        <source>The disk {file} is stored {compression}-compressed in the export (ovf:compression), so it is not a VMDK as stored.</source>
        <translation>ディスク{file}はエクスポート内で{compression}圧縮されて（ovf:compression）格納されているため、そのままではVMDKではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="346"/>
        <source>Extract it and decompress it (gunzip), then check the file that comes out.</source>
        <translation>ファイルを取り出して解凍（gunzip）してから、出力されたファイルを確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="347"/>
        <source>The OVF gives the disk {ovf_size} bytes, its VMDK header {header_size}; the header&apos;s size is used. The export may have been edited by hand.</source>
        <translation>ディスクのサイズが、OVFでは{ovf_size}バイト、VMDKヘッダーでは{header_size}バイトとなっています。ヘッダーのサイズを使用します。エクスポートが手作業で編集された可能性があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="348"/>
        <source>a VMware VM configuration (.vmx)</source>
        <translation>VMwareのVM構成（.vmx）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="349"/>
        <source>an OVF descriptor</source>
        <translation>OVF記述子</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="350"/>
        <source>The file is larger than {limit} MiB; a real {format} is a few KiB.</source>
        <translation>ファイルが{limit} MiBを超えています。本来の{format}ファイルは数KiB程度です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="351"/>
        <source>The VM configuration names no virtual disk.</source>
        <translation>VM構成に仮想ディスクが指定されていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="352"/>
        <source>The OVF names no virtual disk.</source>
        <translation>OVFに仮想ディスクが指定されていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="353"/>
        <source>Choose the .vmdk file itself.</source>
        <translation>.vmdkファイル自体を選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="354"/>
        <source>The VM names the disk {file}, which cannot be opened: {error}</source>
        <translation>VMに指定されているディスク{file}を開けません: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="355"/>
        <source>The OVF names the disk {file}, which cannot be opened: {error}</source>
        <translation>OVFに記載されているディスク{file}を開けません: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="356"/>
        <source>Keep the whole export (the .ovf, .mf and .vmdk files) or the VM folder together in one folder, then choose it again.</source>
        <translation>エクスポート一式（.ovf、.mf、.vmdkファイル）またはVMフォルダーの中身を1つのフォルダーにまとめてから、もう一度選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="357"/>
        <source>The disk {name}</source>
        <translation>ディスク{name}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="143"/>
        <source>No identity URL and no region.</source>
        <translation>認証URLもリージョンも指定されていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="144"/>
        <source>Choose a region, or enter the identity URL (ending in /v3).</source>
        <translation>リージョンを選択するか、認証URL（末尾は/v3）を入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="145"/>
        <source>{path} cannot be read: {error}</source>
        <translation>{path} を読み込めません: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="146"/>
        <source>Fix the YAML, or choose another profile.</source>
        <translation>YAMLを修正するか、別のプロファイルを選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="147"/>
        <source>No cloud named {cloud!r} in {files}.</source>
        <translation>{files} に {cloud!r} という名前のクラウドがありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="148"/>
        <source>Check the name given with --os-cloud (or OS_CLOUD).</source>
        <translation>--os-cloud（またはOS_CLOUD）で指定した名前を確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="358"/>
        <source>Install qemu-img: on Debian/Ubuntu &apos;{apt_command}&apos;, on RHEL/Fedora &apos;{dnf_command}&apos;, on Windows the QEMU installer from qemu.org (then set {variable} to the full path of qemu-img.exe if it is not on PATH).</source>
        <translation>qemu-imgをインストールしてください。Debian/Ubuntuでは「{apt_command}」、RHEL/Fedoraでは「{dnf_command}」を実行します。Windowsではqemu.orgのQEMUインストーラーを使用します（qemu-img.exeがPATH上にない場合は、{variable}にqemu-img.exeのフルパスを設定してください）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="359"/>
        <source>qemu-img, the tool that converts disks, is not installed.</source>
        <translation>ディスクを変換するツールであるqemu-imgがインストールされていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="360"/>
        <source>The converted disk cannot replace the file it is made from.</source>
        <translation>変換後のディスクで、変換元のファイルを置き換えることはできません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="361"/>
        <source>Choose another file name for the converted disk.</source>
        <translation>変換後のディスクには、別のファイル名を指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="362"/>
        <source>{path} already exists.</source>
        <translation>{path}はすでに存在します。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="363"/>
        <source>Choose another file name, or delete the existing file first.</source>
        <translation>別のファイル名を指定するか、先に既存のファイルを削除してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="366"/>
        <source>qemu-img could not be started: {reason}.</source>
        <translation>qemu-imgを起動できませんでした: {reason}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="367"/>
        <source>The conversion was cancelled; the partial file was removed.</source>
        <translation>変換を中止しました。作成途中のファイルは削除されました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="368"/>
        <source>exit code {code}</source>
        <translation>終了コード {code}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="369"/>
        <source>qemu-img could not convert {file}: {detail}</source>
        <translation>qemu-imgで{file}を変換できませんでした: {detail}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="370"/>
        <source>Check that the source disk is complete and readable, that all its files are in the same folder, and that the destination has enough free space.</source>
        <translation>変換元のディスクが完全で読み取り可能であること、そのディスクのすべてのファイルが同じフォルダーにあること、保存先に十分な空き容量があることを確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="364"/>
        <source>The converted disk could not be saved as {path}: {reason}.</source>
        <translation>変換後のディスクを{path}として保存できませんでした: {reason}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="365"/>
        <source>Choose a folder you can write to.</source>
        <translation>書き込み可能なフォルダーを選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="631"/>
        <source>The image name has {count} characters; at most {limit} are allowed.</source>
        <translation>イメージ名が{count}文字あります。指定できるのは{limit}文字までです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="635"/>
        <source>The container name is longer than {limit} bytes.</source>
        <translation>コンテナ名が{limit}バイトを超えています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="638"/>
        <source>The object name is longer than {limit} bytes.</source>
        <translation>オブジェクト名が{limit}バイトを超えています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="639"/>
        <source>The object name must end with {suffix} (lower case).</source>
        <translation>オブジェクト名の末尾は {suffix}（小文字）にしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="640"/>
        <source>The object name needs a name before {suffix}.</source>
        <translation>オブジェクト名には、{suffix} の前に名前が必要です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="646"/>
        <source>The image id must be a UUID such as 6bf65660-70ee-4a75-b61a-36ac040c289c.</source>
        <translation>イメージIDには、6bf65660-70ee-4a75-b61a-36ac040c289c のようなUUIDを指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="648"/>
        <source>{what} must be a whole number of {unit} written without a decimal point.</source>
        <translation>{what}は、小数点を付けずに{unit}単位の整数で指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="649"/>
        <source>{what} must be a whole number of {unit}.</source>
        <translation>{what}は{unit}単位の整数で指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="650"/>
        <source>{what} cannot be negative.</source>
        <translation>{what}に負の値は指定できません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="651"/>
        <source>{what} is too large (at most {limit} {unit}).</source>
        <translation>{what}が大きすぎます（最大{limit} {unit}）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="652"/>
        <source>Minimum RAM</source>
        <translation>最小RAM</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="653"/>
        <source>Minimum disk</source>
        <translation>最小ディスク</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="654"/>
        <source>The OS type must be one of: {types}.</source>
        <translation>OS種別は次のいずれかにしてください: {types}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="658"/>
        <source>{host!r} is not a fully qualified domain name (like kms.example.com).</source>
        <translation>{host!r} は完全修飾ドメイン名（kms.example.com など）ではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="659"/>
        <source>The KMS port {port} is out of range (1-65535; the usual port is 1688).</source>
        <translation>KMSのポート {port} が範囲外です（1～65535。通常のポートは1688です）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="661"/>
        <source>kms has unknown keys: {keys}.</source>
        <translation>kmsに不明なキーがあります: {keys}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="665"/>
        <source>Enter the name.</source>
        <translation>イメージ名を入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="666"/>
        <source>Enter the location.</source>
        <translation>格納場所を指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="667"/>
        <source>Enter the os type.</source>
        <translation>OS種別を選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="149"/>
        <source>The system keyring cannot be opened ({error}).</source>
        <translation>システムのキーリングを開けません（{error}）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="150"/>
        <source>No system keyring is available on this computer.</source>
        <translation>このコンピューターでは、システムのキーリングを利用できません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="151"/>
        <source>The keyring backend {name} is not usable for passwords.</source>
        <translation>キーリングのバックエンド {name} は、パスワードの保存に使用できません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="371"/>
        <source>{member} is stored in pieces inside {archive}.</source>
        <translation>{member} は {archive} の中に分割して格納されています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="372"/>
        <source>Extract the disk from the archive first, then upload that file.</source>
        <translation>先にアーカイブからディスクを取り出し、そのファイルをアップロードしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="375"/>
        <source>{path} cannot be read: {error}.</source>
        <translation>{path} を読み込めません: {error}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="376"/>
        <source>Choose the disk file again.</source>
        <translation>ディスクファイルを選択し直してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="373"/>
        <source>{path} is shorter than the part to upload.</source>
        <translation>{path} が、アップロードする部分より短くなっています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="374"/>
        <source>Inspect the file again; it may have changed.</source>
        <translation>ファイルが変更された可能性があります。もう一度検査してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="687"/>
        <source>Another upload to {container}/{object} is already running on this computer (process {pid}, uploading {path}, started {started}).</source>
        <translation>このコンピューターで、{container}/{object} への別のアップロードがすでに実行中です（プロセス {pid}、{path} をアップロード中、{started} に開始）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="688"/>
        <source>Let that upload finish, or stop it; then run this one again (it resumes from what is already there). To upload both, give one of them another object name.</source>
        <translation>そのアップロードの終了を待つか停止してから、もう一度実行してください（アップロード済みの部分から再開されます）。両方をアップロードするには、一方に別のオブジェクト名を指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="689"/>
        <source>Check the connection, then run the same upload again: it resumes where it stopped.</source>
        <translation>接続を確認してから、同じアップロードをもう一度実行してください。停止した位置から再開されます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="690"/>
        <source>A {size} byte file needs more than {max_segments} segments of at most {max_file_size} bytes, the limits of this object storage.</source>
        <translation>{size}バイトのファイルには、最大{max_file_size}バイトのセグメントが{max_segments}個より多く必要です。これはこのオブジェクトストレージの上限を超えています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="691"/>
        <source>Use a DLO manifest (--manifest dlo), which has no segment-count limit.</source>
        <translation>セグメント数に上限のないDLOマニフェスト（--manifest dlo）を使用してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="628"/>
        <source>The import was registered with id {import_id}, but saving it to the local ledger failed ({error}). Write the id down: it is needed to follow the import.</source>
        <translation>インポートはID {import_id} で登録されましたが、ローカルの台帳への保存に失敗しました（{error}）。インポートの状態を確認するのに必要なため、このIDを控えてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="671"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="692"/>
        <source>A {size} byte file needs {count} segments of {segment} bytes, the largest object this object storage accepts; this tool sends at most {limit}.</source>
        <translation>{size}バイトのファイルには、このオブジェクトストレージが受け付ける最大のオブジェクトである{segment}バイトのセグメントが{count}個必要です。このツールが送信できるのは最大{limit}個です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="693"/>
        <source>The object storage&apos;s size limit (max_file_size in its /info) is too small for this disk: ask the provider, or use another object storage.</source>
        <translation>オブジェクトストレージのサイズ上限（/info の max_file_size）が、このディスクには小さすぎます。プロバイダーに問い合わせるか、別のオブジェクトストレージを使用してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="694"/>
        <source>A {size} byte file in segments of {segment} bytes makes {count} segments; this tool sends at most {limit}.</source>
        <translation>{size}バイトのファイルを{segment}バイトのセグメントに分けると{count}個になります。このツールが送信できるのは最大{limit}個です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="695"/>
        <source>Choose a larger segment size (--segment-size), for example 256M, the default.</source>
        <translation>より大きなセグメントサイズ（--segment-size）を指定してください。例: 既定値の256M。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="673"/>
        <source>The upload was cancelled.</source>
        <translation>アップロードを中止しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="696"/>
        <source>{container}/{object} already exists ({size} bytes) and is not this disk.</source>
        <translation>{container}/{object} はすでに存在し（{size}バイト）、このディスクではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="697"/>
        <source>Choose another object name, or confirm that it may be replaced (--overwrite).</source>
        <translation>別のオブジェクト名を指定するか、置き換えてよいことを確認してください（--overwrite）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="698"/>
        <source>Segment {number} ({name}) failed {attempts} times; the last error was: {error}</source>
        <translation>セグメント {number}（{name}）が{attempts}回失敗しました。最後のエラー: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="699"/>
        <source>Check the connection, then start the same upload again: it resumes where it stopped.</source>
        <translation>接続を確認してから、同じアップロードをもう一度開始してください。停止した位置から再開されます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="672"/>
        <source>The upload was stopped.</source>
        <translation>アップロードを停止しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="674"/>
        <source>Choose a valid name {where}.</source>
        <translation>{where}正しい名前を指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="678"/>
        <source>The answer to segment {number} ended before object storage said what it stored [{request_id}].</source>
        <translation>セグメント {number} への応答が、オブジェクトストレージの保存内容が示される前に途切れました [{request_id}]。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="679"/>
        <source>object storage stored a different checksum ({etag}) than was sent ({md5}) [{request_id}]</source>
        <translation>オブジェクトストレージが保存したチェックサム（{etag}）が、送信したもの（{md5}）と異なります [{request_id}]</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="701"/>
        <source>The disk changed while it was read: stop the VM or wait for the copy to finish, then upload again.</source>
        <translation>読み込み中にディスクが変更されました。VMを停止するかコピーの完了を待ってから、もう一度アップロードしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="702"/>
        <source>{path} got shorter during the upload.</source>
        <translation>アップロード中に {path} が短くなりました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="675"/>
        <source>This object storage does not offer SLO manifests.</source>
        <translation>このオブジェクトストレージは、SLOマニフェストに対応していません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="676"/>
        <source>Use a DLO manifest (--manifest dlo), the provider&apos;s documented way.</source>
        <translation>プロバイダーが案内している方法である、DLOマニフェスト（--manifest dlo）を使用してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="700"/>
        <source>Cancelled.</source>
        <translation>中止しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="677"/>
        <source>The upload was cancelled; start it again to resume.</source>
        <translation>アップロードを中止しました。もう一度開始すると再開されます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="680"/>
        <source>{path} changed during the upload: its size or time stamps are not those it had at the start.</source>
        <translation>アップロード中に {path} が変更されました。サイズまたはタイムスタンプが開始時と異なります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="703"/>
        <source>{path} changed during the upload: segment {number} read differently for the upload and for the SHA1 checksum.</source>
        <translation>アップロード中に {path} が変更されました。セグメント {number} の内容が、アップロード時とSHA1チェックサムの計算時とで異なります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="704"/>
        <source>The SHA1 checksum could not be completed.</source>
        <translation>SHA1チェックサムの計算を完了できませんでした。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="416"/>
        <source>The file is only {size} bytes long, shorter than a VMDK header (512 bytes): it is truncated.</source>
        <translation>ファイルの長さが{size}バイトしかなく、VMDKヘッダー（512バイト）より短くなっています。ファイルが途中で切れています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="10"/>
        <source>Enter an image name {where}.</source>
        <translation>{where}イメージ名を入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="12"/>
        <source>Choose the container and object {where}.</source>
        <translation>{where}コンテナとオブジェクトを指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="14"/>
        <source>Choose the OS that is installed on the disk {where}.</source>
        <translation>{where}、ディスクにインストールされているOSを選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="16"/>
        <source>Choose one of the listed OS types {where}.</source>
        <translation>{where}、一覧にあるOS種別を選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="18"/>
        <source>Give a project id or name {where} and sign in again.</source>
        <translation>{where}プロジェクトIDまたはプロジェクト名を指定して、サインインし直してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="22"/>
        <source>Check that the container and the object {where} exist in the project you are signed in to, and that the object name ends in .vmdk; upload the disk if it is not there.</source>
        <translation>{where}指定したコンテナとオブジェクトがサインイン中のプロジェクトに存在し、オブジェクト名の末尾が.vmdkであることを確認してください。存在しない場合は、ディスクをアップロードしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="26"/>
        <source>Give another image id {where}, or none; {generate_id} is always new.</source>
        <translation>{where}別のイメージIDを指定するか、空欄にしてください。{generate_id}なら重複しません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="28"/>
        <source>Use a shorter name without line breaks or leading/trailing spaces {where}.</source>
        <translation>{where}、改行や先頭・末尾の空白を含まない、より短い名前を指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="30"/>
        <source>Let the tool compute the SHA1 during the upload, or give exactly 40 hexadecimal digits {where}.</source>
        <translation>{where}、アップロード中にSHA1を計算させるか、ちょうど40桁の16進数を指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="32"/>
        <source>Enter a whole number of megabytes (0 or more) {where}.</source>
        <translation>{where}、MB単位の整数（0以上）を入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="34"/>
        <source>Enter a whole number of gigabytes (0 or more) {where}.</source>
        <translation>{where}、GB単位の整数（0以上）を入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="36"/>
        <source>Give the KMS server {where} by its name as FQDN:port, not an IP address (or none, for the region&apos;s default), and {kms_activate}.</source>
        <translation>{where}、KMSサーバーをIPアドレスではなく名前で「FQDN:ポート」の形式で指定し（リージョンの既定を使う場合は空欄）、{kms_activate}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="44"/>
        <source>Count the imports of your contract that are still queued or processing ({import_list} shows them). If there are 100 or fewer, try again after some of them have finished. If there are more than 100, contact support.</source>
        <translation>契約内で待機中または処理中のインポートの数を確認してください（{import_list}で確認できます）。100件以下の場合は、そのいくつかが終了してから再試行してください。100件を超える場合は、サポートに連絡してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="46"/>
        <source>Use a whole number of 0 or more for {list_start}.</source>
        <translation>{list_start}には0以上の整数を指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="48"/>
        <source>Use a whole number of 1 or more for {list_limit}.</source>
        <translation>{list_limit}には1以上の整数を指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="50"/>
        <source>Check the id (see {import_list}). Imports are visible only from the project that started them.</source>
        <translation>IDを確認してください（{import_list}を参照）。インポートは、それを開始したプロジェクトからのみ参照できます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="52"/>
        <source>Check the values {request} and correct the one the details name.</source>
        <translation>{request}値を見直し、詳細に示された項目を修正してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="54"/>
        <source>Sign in again {where}. (The tool renews tokens by itself; if you see this, signing in again is needed.)</source>
        <translation>{where}サインインし直してください。（トークンはツールが自動的に更新します。このメッセージが表示された場合は、再度サインインする必要があります。）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="58"/>
        <source>Check the endpoint URLs {where}: the region, or the custom endpoints.</source>
        <translation>{where}、エンドポイントURL（リージョンまたはカスタムエンドポイント）を確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="74"/>
        <source>Check them {where} and try once more. The tool never retries a rejected password by itself: 5 failed sign-ins within 15 minutes lock the account for 15 minutes.</source>
        <translation>{where}入力内容を確認してから、もう一度だけ実行してください。拒否されたパスワードをツールが自動的に再試行することはありません。15分以内にサインインに5回失敗すると、アカウントが15分間ロックされます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="78"/>
        <source>Check the region or the identity URL {where}; the URL ends in /v3.</source>
        <translation>{where}、リージョンまたは認証URLを確認してください。URLの末尾は/v3です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="80"/>
        <source>Sign in again {where}.</source>
        <translation>{where}サインインし直してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="84"/>
        <source>Check the container and object names {where}.</source>
        <translation>{where}、コンテナ名とオブジェクト名を確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="134"/>
        <source>Fill in the missing values {where}.</source>
        <translation>{where}、不足している値を入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="138"/>
        <source>Enter the project id or name {where}.</source>
        <translation>{where}プロジェクトIDまたはプロジェクト名を入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="417"/>
        <source>The VMDK header does not start with the KDMV signature.</source>
        <translation>VMDKヘッダーがKDMVシグネチャで始まっていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="418"/>
        <source>The VMDK header has version {version}; only versions 1 to 3 exist.</source>
        <translation>VMDKヘッダーのバージョンが{version}になっています。存在するバージョンは1～3のみです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="419"/>
        <source>The VMDK header gives the disk a size of 0 bytes.</source>
        <translation>VMDKヘッダーに記録されているディスクのサイズが0バイトです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="420"/>
        <source>The VMDK header gives an impossible disk size ({size} bytes).</source>
        <translation>VMDKヘッダーに記録されているディスクのサイズ（{size}バイト）は、ありえない値です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="421"/>
        <source>The VMDK header has an invalid grain size ({sectors} sectors; it must be a power of two).</source>
        <translation>VMDKヘッダーのグレインサイズが正しくありません（{sectors}セクター。2のべき乗である必要があります）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="422"/>
        <source>The VMDK header has an invalid grain-table size ({entries} entries; VMware uses 512).</source>
        <translation>VMDKヘッダーのグレインテーブルのサイズが正しくありません（{entries}エントリ。VMwareでは512です）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="423"/>
        <source>The VMDK header names an unknown compression method ({method}).</source>
        <translation>VMDKヘッダーに不明な圧縮方式（{method}）が指定されています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="424"/>
        <source>The VMDK header says its grains are compressed but names no compression method.</source>
        <translation>VMDKヘッダーではグレインが圧縮されていることになっていますが、圧縮方式が指定されていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="425"/>
        <source>The VMDK header puts the grain directory at the end of the file, which only a streamOptimized disk may do, but has no stream markers.</source>
        <translation>VMDKヘッダーではグレインディレクトリがファイルの末尾に置かれていますが（streamOptimizedディスクにのみ許される配置です）、ストリームマーカーがありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="426"/>
        <source>The VMDK header points at an embedded descriptor of size 0.</source>
        <translation>VMDKヘッダーが、サイズが0の埋め込み記述子を指しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="427"/>
        <source>The VMDK&apos;s descriptor is empty.</source>
        <translation>VMDKの記述子が空です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="428"/>
        <source>The VMDK&apos;s descriptor is not text: it is damaged.</source>
        <translation>VMDKの記述子がテキストではありません。記述子が破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="429"/>
        <source>The VMDK&apos;s descriptor has a malformed extent line: {line}.</source>
        <translation>VMDKの記述子に、形式が正しくないエクステント行があります: {line}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="430"/>
        <source>The VMDK&apos;s descriptor has an extent without a file name: {line}.</source>
        <translation>VMDKの記述子に、ファイル名のないエクステントがあります: {line}。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="431"/>
        <source>The text has no createType and no extents: it is not a VMDK descriptor.</source>
        <translation>このテキストにはcreateTypeもエクステントもありません。VMDKの記述子ではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="432"/>
        <source>The file is shorter than its metadata says: {what} needs at least {needed} bytes, but the file has {size}. It is truncated (an interrupted copy or download).</source>
        <translation>ファイルが、メタデータに記録されているサイズより短くなっています。{what}には少なくとも{needed}バイトが必要ですが、ファイルは{size}バイトしかありません。ファイルが途中で切れています（コピーまたはダウンロードが中断された可能性があります）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="433"/>
        <source>The file was copied in text mode (for example by FTP in ASCII mode): its line endings were changed and the disk is damaged.</source>
        <translation>ファイルがテキストモード（FTPのASCIIモードなど）でコピーされています。改行コードが変換されたため、ディスクが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="434"/>
        <source>the header</source>
        <translation>ヘッダー</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="435"/>
        <source>the embedded descriptor</source>
        <translation>埋め込み記述子</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="436"/>
        <source>The disk was not closed cleanly (its VM was running, or the host crashed). The guest may need a file-system check after import; shut the VM down and copy the disk again if you can.</source>
        <translation>ディスクが正常に閉じられていません（VMが実行中だったか、ホストがクラッシュした可能性があります）。インポート後に、ゲストOSでファイルシステムのチェックが必要になる場合があります。可能であれば、VMをシャットダウンしてから、ディスクを再度コピーしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="437"/>
        <source>the streamOptimized footer</source>
        <translation>streamOptimizedのフッター</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="438"/>
        <source>The streamOptimized disk does not end with its footer and end-of-stream marker: it is truncated (an interrupted copy or download) or damaged.</source>
        <translation>streamOptimizedディスクの末尾に、フッターとストリーム終端マーカーがありません。ファイルが途中で切れている（コピーまたはダウンロードが中断された）か、破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="439"/>
        <source>Footer: {problem}</source>
        <translation>フッター: {problem}</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="440"/>
        <source>The streamOptimized footer does not say where the grain directory is.</source>
        <translation>streamOptimizedのフッターに、グレインディレクトリの位置が記録されていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="441"/>
        <source>The streamOptimized footer disagrees with the header (size, grain size or compression): the file is damaged.</source>
        <translation>streamOptimizedのフッターの内容（サイズ、グレインサイズ、または圧縮方式）がヘッダーと一致しません。ファイルが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="442"/>
        <source>The VMDK header&apos;s data area starts inside the descriptor: the header is inconsistent.</source>
        <translation>VMDKヘッダーのデータ領域が記述子の内部から始まっています。ヘッダーの内容に矛盾があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="443"/>
        <source>the metadata area</source>
        <translation>メタデータ領域</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="444"/>
        <source>The VMDK header&apos;s grain directory overlaps the header or the descriptor: the header is inconsistent.</source>
        <translation>VMDKヘッダーのグレインディレクトリが、ヘッダーまたは記述子と重なっています。ヘッダーの内容に矛盾があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="445"/>
        <source>the grain directory</source>
        <translation>グレインディレクトリ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="446"/>
        <source>The VMDK header&apos;s grain directory runs into the data area: the header is inconsistent.</source>
        <translation>VMDKヘッダーのグレインディレクトリが、データ領域にはみ出しています。ヘッダーの内容に矛盾があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="447"/>
        <source>The VMDK header&apos;s redundant grain directory lies outside the metadata area: the header is inconsistent.</source>
        <translation>VMDKヘッダーの冗長グレインディレクトリが、メタデータ領域の外にあります。ヘッダーの内容に矛盾があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="448"/>
        <source>a grain table the grain directory points to</source>
        <translation>グレインディレクトリが指しているグレインテーブル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="449"/>
        <source>The grain directory points outside the metadata area: the disk is damaged.</source>
        <translation>グレインディレクトリがメタデータ領域の外を指しています。ディスクが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="450"/>
        <source>A grain table points into the metadata area: the disk is damaged.</source>
        <translation>グレインテーブルがメタデータ領域の内部を指しています。ディスクが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="451"/>
        <source>the last compressed grain</source>
        <translation>最後の圧縮グレイン</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="452"/>
        <source>A grain marker does not match its grain table: the disk is damaged.</source>
        <translation>グレインマーカーがグレインテーブルと一致しません。ディスクが破損しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="454"/>
        <source>the last grain of data</source>
        <translation>データの最後のグレイン</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="456"/>
        <source>The file size is not a whole number of grains after the metadata, which a complete disk usually is: it may be truncated. If the copy was interrupted, copy it again.</source>
        <translation>メタデータ以降のファイルサイズが、グレインサイズの整数倍になっていません。完全なディスクであれば通常は整数倍になるため、ファイルが途中で切れている可能性があります。コピーが中断された場合は、再度コピーしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="458"/>
        <source>Imports still queued or processing in this project: {count}. That is 100 or fewer, so try again after some of them have finished (see {import_list}). Imports in your contract&apos;s other projects count too: only if all together are more than 100, contact support.</source>
        <translation>このプロジェクトで待機中または処理中のインポート: {count}件。100件以下のため、そのいくつかが終了してから再試行してください（{import_list}を参照）。契約内の他のプロジェクトのインポートも数えられます。合計が100件を超える場合に限り、サポートに連絡してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="460"/>
        <source>The request may have been carried out. Check {import_list} before you try again.</source>
        <translation>要求は処理された可能性があります。もう一度実行する前に、{import_list}を確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="624"/>
        <source>The tool stopped before the service answered the register call, so the import may exist. Check {import_list} before you try again.</source>
        <translation>登録の呼び出しにサービスが応答する前にツールが停止したため、インポートが存在する可能性があります。再試行する前に{import_list}を確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="629"/>
        <source>The image name must be text.</source>
        <translation>イメージ名は文字列で指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="630"/>
        <source>The image name is empty.</source>
        <translation>イメージ名が空です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="632"/>
        <source>The image name starts or ends with a space.</source>
        <translation>イメージ名の先頭または末尾に空白があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="633"/>
        <source>The image name contains control characters or line breaks.</source>
        <translation>イメージ名に制御文字または改行が含まれています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="634"/>
        <source>The container name is empty.</source>
        <translation>コンテナ名が空です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="636"/>
        <source>The container name may only contain letters A-Z a-z, digits and . _ ~ ( ) + -.</source>
        <translation>コンテナ名に使用できるのは、英字（A-Z a-z）、数字、および . _ ~ ( ) + - のみです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="637"/>
        <source>The object name is empty.</source>
        <translation>オブジェクト名が空です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="641"/>
        <source>The object name may only contain letters A-Z a-z, digits, . _ ~ ( ) + - and single / between parts (no spaces, no leading or trailing /).</source>
        <translation>オブジェクト名に使用できるのは、英字（A-Z a-z）、数字、. _ ~ ( ) + - 、および要素間を区切る単独の / のみです（空白と、先頭・末尾の / は使用できません）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="642"/>
        <source>The location must be text.</source>
        <translation>格納場所は文字列で指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="643"/>
        <source>The location must start with /v1/AUTH_&lt;project id&gt;/.</source>
        <translation>格納場所は /v1/AUTH_&lt;プロジェクトID&gt;/ で始まる必要があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="644"/>
        <source>The location has no valid project id after /v1/AUTH_.</source>
        <translation>格納場所の /v1/AUTH_ の後に、正しいプロジェクトIDがありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="645"/>
        <source>The checksum must be a SHA1 value: exactly 40 hexadecimal digits.</source>
        <translation>チェックサムには、SHA1値（ちょうど40桁の16進数）を指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="655"/>
        <source>The KMS server must be text in the form FQDN:port.</source>
        <translation>KMSサーバは、「FQDN:ポート番号」の形式の文字列で指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="657"/>
        <source>The KMS server must be written as FQDN:port, for example kms.example.com:1688.</source>
        <translation>KMSサーバは、「FQDN:ポート番号」の形式（例: kms.example.com:1688）で指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="660"/>
        <source>kms must be an object such as {&quot;server_info&quot;: &quot;FQDN:1688&quot;, &quot;activate&quot;: true}.</source>
        <translation>kmsには、{&quot;server_info&quot;: &quot;FQDN:1688&quot;, &quot;activate&quot;: true} のようなオブジェクトを指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="664"/>
        <source>kms.activate can only be true (a JSON boolean).</source>
        <translation>kms.activateに指定できるのは、true（JSONのブール値）のみです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="668"/>
        <source>The request body must be a JSON object.</source>
        <translation>リクエストボディは、JSONオブジェクトである必要があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="669"/>
        <source>The location is in project {location_project}, but you are signed in to project {project}. Upload to the project you import into.</source>
        <translation>格納場所はプロジェクト {location_project} にありますが、サインイン中のプロジェクトは {project} です。インポート先のプロジェクトにアップロードしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="670"/>
        <source>conversion is a retired field; if sent it must be true or false.</source>
        <translation>conversionは廃止された項目です。送信する場合は、trueまたはfalseを指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="623"/>
        <source>Paste the SHA1, or let the tool compute it.</source>
        <translation>SHA1を貼り付けるか、ツールに計算させてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/i18n.py" line="60"/>
        <source>on the Connection page</source>
        <extracomment>where a field&apos;s value is given: the page that holds it (Step.SUBMIT holds none)</extracomment>
        <translation>「接続」ページで</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/i18n.py" line="61"/>
        <source>on the Disk image page</source>
        <translation>「ディスクイメージ」ページで</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/i18n.py" line="62"/>
        <source>on the Destination page</source>
        <translation>「アップロード先」ページで</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/i18n.py" line="63"/>
        <source>on the Image settings page</source>
        <translation>「イメージの設定」ページで</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/i18n.py" line="64"/>
        <location filename="../../gui/vmdkimport/qt/i18n.py" line="73"/>
        <source>on the Review page</source>
        <translation>「確認」ページで</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/i18n.py" line="70"/>
        <source>History</source>
        <extracomment>the wizard&apos;s buttons and views for what the command line has options for</extracomment>
        <translation>履歴</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/i18n.py" line="71"/>
        <source>an id from Generate</source>
        <translation>「生成」で作るID</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/i18n.py" line="72"/>
        <source>tick Activate Windows</source>
        <translation>「KMSサーバでWindowsのライセンス認証を行う」をオンにしてください</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/i18n.py" line="74"/>
        <source>the start position</source>
        <translation>開始位置</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/i18n.py" line="75"/>
        <source>the number of entries</source>
        <translation>取得件数</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/i18n.py" line="101"/>
        <source>Unexpected error: %1</source>
        <translation>予期しないエラーが発生しました: %1</translation>
    </message>
</context>
</TS>
