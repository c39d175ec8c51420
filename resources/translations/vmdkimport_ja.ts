<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ConnectionPage</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="41"/>
        <source>Connection</source>
        <extracomment>how long after the page is shown the keyring is first asked: the window paints first</extracomment>
        <translation>接続</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="42"/>
        <source>Sign in to your FUJITSU K5 / FJcloud-O project. The password is kept only in the system keyring, if you ask.</source>
        <translation>FUJITSU K5 / FJcloud-Oのプロジェクトにサインインします。パスワードは、指定した場合にのみシステムのキーリングに保存されます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="49"/>
        <source>Custom endpoints</source>
        <translation>カスタムエンドポイント</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="53"/>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="55"/>
        <source>optional: from the service catalog</source>
        <translation>省略可: サービスカタログから取得します</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="59"/>
        <source>project name or project ID</source>
        <translation>プロジェクト名またはプロジェクトID</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="62"/>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="322"/>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="66"/>
        <source>Remember the password in the system keyring</source>
        <translation>パスワードをシステムのキーリングに保存する</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="149"/>
        <source>(not available: %1)</source>
        <extracomment>the keyring is first asked on a worker after the first paint; until then fill() leaves the password of the profile it shows to that first question</extracomment>
        <translation>（使用できません: %1）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="67"/>
        <source>&amp;Sign in</source>
        <translation>サインイン(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="72"/>
        <source>Pro&amp;file:</source>
        <translation>プロファイル(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="73"/>
        <source>&amp;Region:</source>
        <translation>リージョン(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="74"/>
        <source>&amp;Identity URL:</source>
        <translation>認証URL(&amp;I):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="75"/>
        <source>&amp;Object storage URL:</source>
        <translation>オブジェクトストレージURL(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="76"/>
        <source>I&amp;mport URL:</source>
        <translation>インポートURL(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="77"/>
        <source>&amp;Contract number:</source>
        <translation>契約番号(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="78"/>
        <source>&amp;User name:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="79"/>
        <source>Pro&amp;ject:</source>
        <translation>プロジェクト(&amp;J):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="80"/>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="156"/>
        <source>%1 import(s) from earlier are still converting: sign in, then History shows and refreshes them.</source>
        <translation>以前に開始したインポートのうち%1件がまだ変換中です。サインインすると、履歴で状態を確認・更新できます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="219"/>
        <source>Signing in…</source>
        <translation>サインインしています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="243"/>
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
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="292"/>
        <source>The connection changed: sign in again.</source>
        <translation>接続情報が変更されました。もう一度サインインしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="309"/>
        <source>The password could not be stored in the keyring: %1</source>
        <translation>パスワードをキーリングに保存できませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/connection.py" line="322"/>
        <source>Hide</source>
        <translation>非表示</translation>
    </message>
</context>
<context>
    <name>DestinationPage</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="48"/>
        <source>Destination</source>
        <extracomment>the sizes offered for segments (the default 256 MiB is core&apos;s DEFAULT_SEGMENT_SIZE)</extracomment>
        <translation>アップロード先</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="49"/>
        <source>Where in object storage the disk is uploaded. The import service reads it from there.</source>
        <translation>ディスクをアップロードする、オブジェクトストレージ上の場所を指定します。インポートサービスはここからディスクを読み込みます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="60"/>
        <source>&amp;Replace the existing object</source>
        <translation>既存のオブジェクトを置き換える(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="62"/>
        <source>Chec&amp;k again</source>
        <translation>再確認(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="68"/>
        <source>&amp;Advanced</source>
        <translation>詳細設定(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="75"/>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="76"/>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="82"/>
        <source> MiB/s</source>
        <translation> MiB/s</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="83"/>
        <source>Unlimited</source>
        <translation>無制限</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="85"/>
        <source>Dynamic large object (DLO)</source>
        <translation>ダイナミックラージオブジェクト（DLO）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="86"/>
        <source>Static large object (SLO)</source>
        <translation>スタティックラージオブジェクト（SLO）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="90"/>
        <source>Se&amp;gment size:</source>
        <translation>セグメントサイズ(&amp;G):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="91"/>
        <source>&amp;Parallel segments:</source>
        <translation>並列セグメント数(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="92"/>
        <source>Band&amp;width limit:</source>
        <translation>帯域幅の上限(&amp;W):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="97"/>
        <source>Con&amp;tainer:</source>
        <translation>コンテナ(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="93"/>
        <source>&amp;Manifest:</source>
        <translation>マニフェスト(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="99"/>
        <source>&amp;Object name:</source>
        <translation>オブジェクト名(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="101"/>
        <source>&amp;Location:</source>
        <translation>格納場所(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="223"/>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="266"/>
        <source>Checking the destination…</source>
        <translation>アップロード先を確認しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="252"/>
        <source>Sign in first (page Connection).</source>
        <translation>先に「接続」ページでサインインしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/destination.py" line="348"/>
        <source>This object storage does not offer static large objects (SLO).</source>
        <translation>このオブジェクトストレージは、スタティックラージオブジェクト（SLO）に対応していません。</translation>
    </message>
</context>
<context>
    <name>DiskPage</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="54"/>
        <source>Disk image</source>
        <translation>ディスクイメージ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="55"/>
        <source>Choose the VMware disk to import: a file on this computer (a .vmdk, or an OVA/OVF/VMX export), or an object you already uploaded.</source>
        <translation>インポートするVMwareディスク（.vmdk、OVA/OVF/VMX）か、アップロード済みのオブジェクトを選択します。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="60"/>
        <source>A disk &amp;file on this computer</source>
        <translation>このコンピューター上のディスクファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="61"/>
        <source>An object already in object &amp;storage</source>
        <translation>オブジェクトストレージにアップロード済みのオブジェクト(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="69"/>
        <source>path of a .vmdk, .ova, .ovf or .vmx file (or drop the file here)</source>
        <translation>.vmdk、.ova、.ovf、.vmxファイルのパス（ここにファイルをドロップすることもできます）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="78"/>
        <source>Con&amp;vert…</source>
        <translation>変換(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="79"/>
        <source>Write a streamOptimized copy of the disk with qemu-img</source>
        <translation>qemu-imgで、ディスクのstreamOptimized形式のコピーを作成します</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="95"/>
        <source>&amp;Disk file:</source>
        <translation>ディスクファイル(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="117"/>
        <source>C&amp;ontainer:</source>
        <translation>コンテナ(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="71"/>
        <source>B&amp;rowse…</source>
        <translation>参照(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="85"/>
        <source>C&amp;ancel conversion</source>
        <translation>変換を中止(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="118"/>
        <source>Ob&amp;ject:</source>
        <translation>オブジェクト(&amp;J):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="177"/>
        <source>Choose a disk image</source>
        <translation>ディスクイメージの選択</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="178"/>
        <source>Disk images (*.vmdk *.ova *.ovf *.vmx);;All files (*)</source>
        <translation>ディスクイメージ (*.vmdk *.ova *.ovf *.vmx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="219"/>
        <source>Checking %1…</source>
        <translation>%1を確認しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="240"/>
        <source>This file cannot be imported as it is. See the fix below.</source>
        <translation>このファイルは、このままではインポートできません。下記の対処方法を参照してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="244"/>
        <source>This file can be imported; read the warnings below.</source>
        <translation>このファイルはインポートできます。下記の警告を確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="247"/>
        <source>This file can be imported.</source>
        <translation>このファイルはインポートできます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="275"/>
        <source>importable</source>
        <translation>インポート可能</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="276"/>
        <source>importable, with warnings</source>
        <translation>インポート可能（警告あり）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="277"/>
        <source>refused: this file cannot be imported as it is</source>
        <translation>インポート不可: このファイルは、このままではインポートできません</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="278"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="279"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="281"/>
        <source>Subformat</source>
        <translation>サブフォーマット</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="283"/>
        <source>Virtual size</source>
        <translation>仮想サイズ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="284"/>
        <source>File size</source>
        <translation>ファイルサイズ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="285"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="290"/>
        <source>Warning: </source>
        <translation>警告: </translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="291"/>
        <source>Refused: </source>
        <translation>不可: </translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="292"/>
        <source>Findings</source>
        <translation>確認結果</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="293"/>
        <source>Fix</source>
        <translation>対処方法</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="294"/>
        <source>qemu-img is not installed.</source>
        <translation>qemu-imgがインストールされていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="305"/>
        <source>qemu-img is installed: Convert… runs this for you:</source>
        <translation>qemu-imgがインストールされています。「変換…」を押すと、次のコマンドが実行されます:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="319"/>
        <source>Save the converted disk as</source>
        <translation>変換後のディスクの保存先</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="320"/>
        <source>VMDK disks (*.vmdk)</source>
        <translation>VMDKディスク (*.vmdk)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="335"/>
        <source>Converting… %p%</source>
        <translation>変換しています… %p%</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="336"/>
        <source>Converting to %1…</source>
        <translation>%1に変換しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="353"/>
        <source>Cancelling the conversion…</source>
        <translation>変換を中止しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="365"/>
        <source>Converted: %p%</source>
        <translation>変換済み: %p%</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="373"/>
        <source>The conversion was cancelled; the partial file was removed.</source>
        <translation>変換を中止しました。作成途中のファイルは削除されました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="431"/>
        <source>Sign in first (page Connection).</source>
        <translation>先に「接続」ページでサインインしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="436"/>
        <source>Listing the containers…</source>
        <translation>コンテナの一覧を取得しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="450"/>
        <source>This project has no container yet: upload a file instead.</source>
        <translation>このプロジェクトにはまだコンテナがありません。代わりにファイルをアップロードしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="471"/>
        <source>Listing the objects of %1…</source>
        <translation>%1のオブジェクトの一覧を取得しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="487"/>
        <source>Choose the disk to register.</source>
        <translation>登録するディスクを選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/disk.py" line="489"/>
        <source>No .vmdk object in %1.</source>
        <translation>%1には.vmdkオブジェクトがありません。</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="28"/>
        <source>Started</source>
        <translation>開始日時</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="29"/>
        <source>Import ID</source>
        <translation>インポートID</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="30"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="31"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="32"/>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="33"/>
        <source>Location</source>
        <translation>格納場所</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="34"/>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="52"/>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="60"/>
        <source>&amp;Refresh from the service</source>
        <translation>サービスから更新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="64"/>
        <source>Sign in first (Connection page).</source>
        <translation>先に「接続」ページでサインインしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="100"/>
        <source>Asking the service…</source>
        <translation>サービスに問い合わせています…</translation>
    </message>
</context>
<context>
    <name>ImagePage</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="50"/>
        <source>Image settings</source>
        <translation>イメージの設定</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="51"/>
        <source>How the image is registered: its name, the OS on the disk and the optional settings of the register call.</source>
        <translation>イメージの登録内容（イメージ名、ディスクにインストールされているOS、登録APIの任意の設定）を指定します。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="60"/>
        <source>Choose the OS installed on the disk…</source>
        <translation>ディスクにインストールされているOSを選択…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="71"/>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="74"/>
        <source>blank: not sent (the service uses 0)</source>
        <translation>空欄: 送信しません（サービス側で0を使用）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="76"/>
        <source>blank: the service assigns one</source>
        <translation>空欄: サービスが割り当てます</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="77"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="78"/>
        <source>A new random UUID, as uuidgen makes</source>
        <translation>uuidgenと同様に、ランダムなUUIDを新しく生成します</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="83"/>
        <source>&amp;Compute the SHA1 during the upload (recommended)</source>
        <translation>アップロード中にSHA1を計算する（推奨）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="84"/>
        <source>&amp;Paste a SHA1:</source>
        <translation>SHA1を貼り付ける(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="86"/>
        <source>40 hexadecimal digits</source>
        <translation>16進数40桁</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="87"/>
        <source>No chec&amp;ksum</source>
        <translation>チェックサムなし(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="93"/>
        <source>Windows licence activation (KMS)</source>
        <translation>Windowsライセンス認証（KMS）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="94"/>
        <source>Only for Windows images</source>
        <translation>Windowsイメージの場合のみ指定できます</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="97"/>
        <source>kms.example.com:%1 — blank: the region&apos;s default server, port %1</source>
        <translation>kms.example.com:%1 — 空欄: リージョンのデフォルトサーバ（ポート %1）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="99"/>
        <source>Acti&amp;vate Windows against the KMS server</source>
        <translation>KMSサーバでWindowsのライセンス認証を行う(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="104"/>
        <source>Image na&amp;me:</source>
        <translation>イメージ名(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="114"/>
        <source>&amp;OS type:</source>
        <translation>OS種別(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="115"/>
        <source>Minimum &amp;RAM (MB):</source>
        <translation>最小RAM容量（MB）(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="117"/>
        <source>Minimum &amp;disk (GB):</source>
        <translation>最小ディスク容量（GB）(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="126"/>
        <source>Image &amp;ID (optional):</source>
        <translation>イメージID（省略可）(&amp;I):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="140"/>
        <source>Checksum:</source>
        <translation>チェックサム:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="144"/>
        <source>KMS &amp;server:</source>
        <translation>KMSサーバ(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="203"/>
        <source>Pre-flight: %1</source>
        <translation>事前チェック: %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="213"/>
        <source>Nothing is uploaded: the disk is already in object storage, so no SHA1 can be computed during an upload.</source>
        <translation>ディスクはすでにオブジェクトストレージにあり、アップロードは行われないため、アップロード中にSHA1を計算することはできません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="256"/>
        <source>Minimum RAM must be a whole number of MB.</source>
        <translation>最小RAM容量は、MB単位の整数で指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/image.py" line="259"/>
        <source>Minimum disk must be a whole number of GB.</source>
        <translation>最小ディスク容量は、GB単位の整数で指定してください。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="29"/>
        <source>VM Image Import Wizard</source>
        <translation>VMイメージインポートウィザード</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="42"/>
        <source>&amp;History…</source>
        <translation>履歴(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="43"/>
        <source>&amp;About</source>
        <translation>バージョン情報(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="44"/>
        <source>Se&amp;ttings…</source>
        <translation>設定(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="90"/>
        <source>About</source>
        <translation>バージョン情報</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="91"/>
        <source>VM Image Import Wizard %1</source>
        <translation>VMイメージインポートウィザード %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="93"/>
        <source>Takes a VMware disk to a registered image in FUJITSU K5 / FJcloud-O.
Logs (never containing passwords or tokens): %1</source>
        <translation>VMwareのディスクを、FUJITSU K5 / FJcloud-Oのイメージとして登録します。
ログ（パスワードやトークンは記録されません）: %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="96"/>
        <source>Open log folder</source>
        <translation>ログフォルダーを開く</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="120"/>
        <source>Upload in progress</source>
        <translation>アップロード中</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/wizard.py" line="121"/>
        <source>An upload is running. Stop it? It resumes where it stopped the next time you upload the same disk.</source>
        <translation>アップロードを実行中です。停止しますか？次回同じディスクをアップロードすると、停止した位置から再開されます。</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="70"/>
        <source>Review</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="71"/>
        <source>Check everything before the upload starts. The request body below is exactly what is sent (the token goes in a header).</source>
        <translation>送信前にすべての内容を確認してください。下のリクエストボディがそのまま送信されます（トークンはヘッダーで送信）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="73"/>
        <source>Connection</source>
        <translation>接続</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="73"/>
        <source>Edit &amp;connection</source>
        <translation>接続を編集(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="74"/>
        <source>Disk</source>
        <translation>ディスク</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="74"/>
        <source>Edit &amp;disk</source>
        <translation>ディスクを編集(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="75"/>
        <source>Destination</source>
        <translation>アップロード先</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="75"/>
        <source>Edit destinati&amp;on</source>
        <translation>アップロード先を編集(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="76"/>
        <source>Image</source>
        <translation>イメージ</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="76"/>
        <source>Edit &amp;image</source>
        <translation>イメージを編集(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="87"/>
        <source>Request &amp;body (POST /v1/imageimport):</source>
        <translation>リクエストボディ（POST /v1/imageimport）(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="112"/>
        <source>&amp;Register</source>
        <translation>登録(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="112"/>
        <source>&amp;Upload and register</source>
        <translation>アップロードして登録(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="121"/>
        <source>Fix these image settings first (Edit image):</source>
        <translation>先に次のイメージの設定を修正してください（「イメージを編集」）:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="132"/>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="139"/>
        <source>User:</source>
        <translation>ユーザー:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="133"/>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="140"/>
        <source>Contract:</source>
        <translation>契約番号:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="134"/>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="141"/>
        <source>Project:</source>
        <translation>プロジェクト:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="135"/>
        <source>Status:</source>
        <translation>状態:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="135"/>
        <source>not signed in</source>
        <translation>未サインイン</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="142"/>
        <source>Object storage:</source>
        <translation>オブジェクトストレージ:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="143"/>
        <source>Image import:</source>
        <translation>イメージインポート:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="149"/>
        <source>Existing object:</source>
        <translation>既存のオブジェクト:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="150"/>
        <source>Upload:</source>
        <translation>アップロード:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="150"/>
        <source>none: the disk is already in object storage</source>
        <translation>なし: ディスクはすでにオブジェクトストレージにあります</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="151"/>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="151"/>
        <source>(none chosen)</source>
        <translation>（未選択）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="156"/>
        <source>importable</source>
        <translation>インポート可能</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="157"/>
        <source>importable, with warnings</source>
        <translation>インポート可能（警告あり）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="158"/>
        <source>refused</source>
        <translation>インポート不可</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="159"/>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="167"/>
        <source>Pre-flight:</source>
        <translation>事前チェック:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="161"/>
        <source>Virtual size:</source>
        <translation>仮想サイズ:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="162"/>
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
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="172"/>
        <source>Container/object:</source>
        <translation>コンテナ/オブジェクト:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="173"/>
        <source>Location:</source>
        <translation>格納場所:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="176"/>
        <source>DLO (dynamic large object)</source>
        <translation>DLO（ダイナミックラージオブジェクト）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="177"/>
        <source>SLO (static large object)</source>
        <translation>SLO（スタティックラージオブジェクト）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="180"/>
        <source>Segment size:</source>
        <translation>セグメントサイズ:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="181"/>
        <source>Parallel segments:</source>
        <translation>並列セグメント数:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="182"/>
        <source>Bandwidth limit:</source>
        <translation>帯域幅の上限:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="183"/>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="200"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="184"/>
        <source>Manifest:</source>
        <translation>マニフェスト:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="185"/>
        <source>Overwrite:</source>
        <translation>上書き:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="186"/>
        <source>yes, replace an existing object</source>
        <translation>する（既存のオブジェクトを置き換えます）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="187"/>
        <source>no, stop if the object exists</source>
        <translation>しない（オブジェクトが存在する場合は中止します）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="193"/>
        <source>not sent (the service uses 0)</source>
        <translation>送信しない（サービス側で0を使用）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="196"/>
        <source>(not chosen)</source>
        <translation>（未選択）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="198"/>
        <source>computed during the upload</source>
        <translation>アップロード中に計算</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="205"/>
        <source>Name:</source>
        <translation>名前:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="206"/>
        <source>OS type:</source>
        <translation>OS種別:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="207"/>
        <source>Minimum RAM:</source>
        <translation>最小RAM容量:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="209"/>
        <source>Minimum disk:</source>
        <translation>最小ディスク容量:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="211"/>
        <source>Image ID:</source>
        <translation>イメージID:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="212"/>
        <source>assigned by the service</source>
        <translation>サービスが割り当て</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="213"/>
        <source>Checksum (SHA1):</source>
        <translation>チェックサム（SHA1）:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="214"/>
        <source>KMS:</source>
        <translation>KMS:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="221"/>
        <source>not sent (only for Windows images)</source>
        <translation>送信しない（Windowsイメージの場合のみ）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="223"/>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="224"/>
        <source>the region&apos;s default server, port %1</source>
        <translation>リージョンのデフォルトサーバ（ポート %1）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="226"/>
        <source>activate</source>
        <translation>ライセンス認証を行う</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/review.py" line="226"/>
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
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="57"/>
        <source>&amp;Proxy:</source>
        <translation>プロキシ(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="58"/>
        <source>Proxy &amp;URL:</source>
        <translation>プロキシURL(&amp;U):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="63"/>
        <source>&amp;CA bundle:</source>
        <translation>CAバンドル(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="65"/>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="68"/>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="69"/>
        <source>A new language applies at the next start.</source>
        <translation>言語の変更は、次回の起動時に反映されます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="70"/>
        <source>&amp;Segment size:</source>
        <translation>セグメントサイズ(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="71"/>
        <source>Para&amp;llel segments:</source>
        <translation>並列セグメント数(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="72"/>
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="116"/>
        <source>CA bundle</source>
        <translation>CAバンドル</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/settings_dialog.py" line="117"/>
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
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="52"/>
        <source>Import ID: %1</source>
        <translation>インポートID: %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="65"/>
        <source>Asking for the status…</source>
        <translation>状態を問い合わせています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="73"/>
        <source>The status is not available right now; trying again. (%1)</source>
        <translation>現在、状態を取得できません。再試行しています。（%1）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="77"/>
        <source>Queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="78"/>
        <source>Converting</source>
        <translation>変換中</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="79"/>
        <source>Succeeded: the image is registered</source>
        <translation>成功: イメージが登録されました</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="80"/>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="81"/>
        <source>Canceled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="84"/>
        <source>Last checked %1</source>
        <translation>最終確認: %1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="87"/>
        <source>The service gave no reason.</source>
        <translation>サービスから理由は返されませんでした。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/status.py" line="90"/>
        <source>Image ID %1. It is private to your project; find it under Compute &gt; Images.</source>
        <translation>イメージID: %1。このイメージはお使いのプロジェクト専用です。「コンピュート」&gt;「イメージ」で確認できます。</translation>
    </message>
</context>
<context>
    <name>SubmitPage</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="46"/>
        <source>Upload and register</source>
        <translation>アップロードと登録</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="47"/>
        <source>The disk goes to object storage, then the image is registered. Pause or stop at any time: a stopped upload resumes where it stopped.</source>
        <translation>ディスクをアップロードしてからイメージを登録します。停止したアップロードは、停止した位置から再開されます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="51"/>
        <source>Follow the import</source>
        <translation>インポートの状態を確認</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="56"/>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="237"/>
        <source>&amp;Pause</source>
        <translation>一時停止(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="59"/>
        <source>&amp;Cancel upload</source>
        <translation>アップロードを中止(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="62"/>
        <source>&amp;Go to field</source>
        <translation>該当する項目へ移動(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="64"/>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="224"/>
        <source>&amp;Retry</source>
        <translation>再試行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="68"/>
        <source>Import ID:</source>
        <translation>インポートID:</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="70"/>
        <source>C&amp;opy</source>
        <translation>コピー(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="146"/>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="166"/>
        <source>Uploading…</source>
        <translation>アップロードしています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="147"/>
        <source>Registering…</source>
        <translation>登録しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="156"/>
        <source>Registering the image…</source>
        <translation>イメージを登録しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="165"/>
        <source>Checking object storage…</source>
        <translation>オブジェクトストレージを確認しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="167"/>
        <source>Computing the SHA1 checksum…</source>
        <translation>SHA1チェックサムを計算しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="168"/>
        <source>Writing the manifest…</source>
        <translation>マニフェストを書き込んでいます…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="169"/>
        <source>Deleting the replaced object&apos;s segments…</source>
        <translation>置き換えたオブジェクトのセグメントを削除しています…</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="170"/>
        <source>Upload complete.</source>
        <translation>アップロードが完了しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="173"/>
        <source>Paused.</source>
        <translation>一時停止しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="175"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="178"/>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="179"/>
        <source>ETA %1</source>
        <translation>残り約%1</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="181"/>
        <source>segments %1/%2</source>
        <translation>セグメント %1/%2</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="184"/>
        <source>(%1 already there)</source>
        <translation>（%1個はアップロード済み）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="188"/>
        <source>retries %1</source>
        <translation>再試行 %1回</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="199"/>
        <source>The import has started.</source>
        <translation>インポートを開始しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="200"/>
        <source>The image is being imported. The import ID is saved in the ledger (History); you can close the wizard and follow it later.</source>
        <translation>イメージをインポートしています。インポートIDは履歴に保存されるため、ウィザードを閉じて、後から状態を確認できます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="203"/>
        <source>Uploaded %1 to %2 (SHA1 %3).</source>
        <translation>%1を%2にアップロードしました（SHA1: %3）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="217"/>
        <source>Upload stopped.</source>
        <translation>アップロードを停止しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="218"/>
        <source>The upload was stopped. What was sent is kept: Resume continues where it stopped.</source>
        <translation>アップロードを停止しました。送信済みのデータは保持されます。「再開」を押すと、停止した位置から続行します。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="220"/>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="234"/>
        <source>&amp;Resume</source>
        <translation>再開(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="222"/>
        <source>Not registered.</source>
        <translation>登録されていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/pages/submit.py" line="242"/>
        <source>Stopping…</source>
        <translation>停止しています…</translation>
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
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="10"/>
        <source>Enter an image name on the Image settings page.</source>
        <translation>「イメージの設定」ページでイメージ名を入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="11"/>
        <source>No object storage location was given for the image.</source>
        <translation>イメージのオブジェクトストレージ上の格納場所が指定されていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="12"/>
        <source>Choose the container and object on the Destination page.</source>
        <translation>「アップロード先」ページでコンテナとオブジェクトを指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="13"/>
        <source>No OS type was chosen.</source>
        <translation>OS種別が選択されていません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="14"/>
        <source>Choose the OS that is installed on the disk on the Image settings page.</source>
        <translation>「イメージの設定」ページで、ディスクにインストールされているOSを選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="15"/>
        <source>The OS type is not one the service knows.</source>
        <translation>サービスが認識できないOS種別です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="16"/>
        <source>Choose one of the listed OS types on the Image settings page.</source>
        <translation>「イメージの設定」ページで、一覧にあるOS種別を選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="17"/>
        <source>Your sign-in token is not tied to a project, so the service cannot tell where to import.</source>
        <translation>サインインのトークンがプロジェクトに関連付けられていないため、サービスがインポート先を判断できません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="18"/>
        <source>Sign in again with a project (project id or name) on the Connection page.</source>
        <translation>「接続」ページで、プロジェクト（プロジェクトIDまたはプロジェクト名）を指定してサインインし直してください。</translation>
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
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="22"/>
        <source>Check on the Destination page that the container and the object (ending in .vmdk) exist in the project you are signed in to; upload the disk if it is not there.</source>
        <translation>「アップロード先」ページで、サインイン中のプロジェクトにコンテナとオブジェクト（末尾が.vmdk）が存在することを確認してください。存在しない場合は、ディスクをアップロードしてください。</translation>
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
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="26"/>
        <source>Clear the image id or press Generate on the Image settings page.</source>
        <translation>「イメージの設定」ページで、イメージIDを空欄にするか、「生成」を押してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="27"/>
        <source>The image name is not accepted.</source>
        <translation>このイメージ名は使用できません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="28"/>
        <source>Use a shorter name without line breaks or leading/trailing spaces on the Image settings page.</source>
        <translation>「イメージの設定」ページで、改行や先頭・末尾の空白を含まない、より短い名前を指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="29"/>
        <source>The checksum is not a valid SHA1 value.</source>
        <translation>チェックサムが正しいSHA1値ではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="30"/>
        <source>Let the tool compute the SHA1 during the upload, or paste exactly 40 hexadecimal digits on the Image settings page.</source>
        <translation>「イメージの設定」ページで、アップロード中にSHA1を計算させるか、ちょうど40桁の16進数を貼り付けてください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="31"/>
        <source>The minimum RAM value is not accepted.</source>
        <translation>最小RAM容量の値が正しくありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="32"/>
        <source>Enter a whole number of megabytes (0 or more) on the Image settings page.</source>
        <translation>「イメージの設定」ページで、MB単位の整数（0以上）を入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="33"/>
        <source>The minimum disk value is not accepted.</source>
        <translation>最小ディスク容量の値が正しくありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="34"/>
        <source>Enter a whole number of gigabytes (0 or more) on the Image settings page.</source>
        <translation>「イメージの設定」ページで、GB単位の整数（0以上）を入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="35"/>
        <source>The KMS settings are not accepted.</source>
        <translation>KMSの設定が正しくありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="36"/>
        <source>Enter the KMS server as FQDN:port (or leave it blank for the region&apos;s default) and tick Activate, on the Image settings page.</source>
        <translation>「イメージの設定」ページで、KMSサーバを「FQDN:ポート番号」の形式で入力し（リージョンのデフォルトを使う場合は空欄）、ライセンス認証のチェックボックスをオンにしてください。</translation>
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
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="42"/>
        <source>Try again later. If it keeps failing, contact support and quote the request id.</source>
        <translation>しばらくしてから、もう一度実行してください。失敗が続く場合は、リクエストIDを添えてサポート窓口にお問い合わせください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="43"/>
        <source>Too many imports are running for your contract at the moment.</source>
        <translation>現在、ご契約で実行中のインポートが多すぎます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="44"/>
        <source>Wait until some of your other imports have finished (see History), then try again. If fewer than 100 imports are running for your contract, contact support.</source>
        <translation>実行中のほかのインポートがいくつか完了するまで待ってから（履歴を参照）、もう一度実行してください。ご契約で実行中のインポートが100件未満の場合は、サポート窓口にお問い合わせください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="45"/>
        <source>The start position for the import list was not accepted.</source>
        <translation>インポート一覧の開始位置が正しくありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="46"/>
        <source>Use a whole number of 0 or more for --start.</source>
        <translation>--startには0以上の整数を指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="47"/>
        <source>The number of entries asked for was not accepted.</source>
        <translation>要求した件数が正しくありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="48"/>
        <source>Use a whole number of 1 or more for --limit.</source>
        <translation>--limitには1以上の整数を指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="49"/>
        <source>The import service does not know this import id.</source>
        <translation>インポートサービスに、このインポートIDは存在しません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="50"/>
        <source>Check the id (see History). Imports are visible only from the project that started them.</source>
        <translation>IDを確認してください（履歴を参照）。インポートは、それを開始したプロジェクトからのみ参照できます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="51"/>
        <source>The import service rejected the request as invalid.</source>
        <translation>インポートサービスが、リクエストを不正なものとして拒否しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="52"/>
        <source>Review the values on the Review page and correct the one the details name.</source>
        <translation>「確認」ページで値を見直し、詳細に示された項目を修正してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="53"/>
        <source>Your sign-in token was not accepted or has expired.</source>
        <translation>サインインのトークンが受け付けられなかったか、有効期限が切れています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="54"/>
        <source>Sign in again on the Connection page. (The tool renews tokens by itself; if you see this, signing in again is needed.)</source>
        <translation>「接続」ページでサインインし直してください。（トークンはツールが自動的に更新します。このメッセージが表示された場合は、再度サインインする必要があります。）</translation>
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
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="58"/>
        <source>Check the endpoint URLs on the Connection page (region or custom endpoints).</source>
        <translation>「接続」ページで、エンドポイントURL（リージョンまたはカスタムエンドポイント）を確認してください。</translation>
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
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="64"/>
        <source>A gateway between you and the service failed.</source>
        <translation>サービスとの間にあるゲートウェイでエラーが発生しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="65"/>
        <source>Try again later; check your proxy if it keeps happening.</source>
        <translation>しばらくしてから、もう一度実行してください。繰り返し発生する場合は、プロキシを確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="66"/>
        <source>The service is busy or unavailable.</source>
        <translation>サービスが混雑しているか、利用できません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="67"/>
        <source>Wait, then try again.</source>
        <translation>しばらく待ってから、もう一度実行してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="68"/>
        <source>A gateway between you and the service timed out.</source>
        <translation>サービスとの間にあるゲートウェイでタイムアウトが発生しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="69"/>
        <source>The service rejected the request.</source>
        <translation>サービスがリクエストを拒否しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="70"/>
        <source>Check the values you entered; the details below give the service&apos;s answer.</source>
        <translation>入力した値を確認してください。下の詳細に、サービスからの応答が表示されています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="71"/>
        <source>The service failed.</source>
        <translation>サービスでエラーが発生しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="72"/>
        <source>Sign-in failed: the contract number, user name, password or project is wrong.</source>
        <translation>サインインに失敗しました。契約番号、ユーザー名、パスワード、またはプロジェクトが正しくありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="73"/>
        <source>Check them on the Connection page and try once more. The tool never retries a rejected password by itself: 5 failed sign-ins within 15 minutes lock the account for 15 minutes.</source>
        <translation>「接続」ページで入力内容を確認してから、もう一度だけ実行してください。拒否されたパスワードをツールが自動的に再試行することはありません。15分以内にサインインに5回失敗すると、アカウントが15分間ロックされます。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="74"/>
        <source>Sign-in was refused for this project.</source>
        <translation>このプロジェクトへのサインインが拒否されました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="75"/>
        <source>Check the project id or name, and that your user belongs to that project.</source>
        <translation>プロジェクトIDまたはプロジェクト名と、お使いのユーザーがそのプロジェクトに所属していることを確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="76"/>
        <source>The identity service address is wrong.</source>
        <translation>認証サービスのアドレスが正しくありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="77"/>
        <source>Check the region or the identity URL on the Connection page (it ends in /v3).</source>
        <translation>「接続」ページで、リージョンまたは認証URL（末尾は/v3）を確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="78"/>
        <source>Object storage did not accept your sign-in token.</source>
        <translation>オブジェクトストレージが、サインインのトークンを受け付けませんでした。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="79"/>
        <source>Sign in again on the Connection page.</source>
        <translation>「接続」ページでサインインし直してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="80"/>
        <source>Object storage refused access to this container.</source>
        <translation>オブジェクトストレージが、このコンテナへのアクセスを拒否しました。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="81"/>
        <source>Choose a container you may write to, or ask your administrator for access.</source>
        <translation>書き込み権限のあるコンテナを選択するか、管理者にアクセス権の付与を依頼してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="82"/>
        <source>The container or object does not exist.</source>
        <translation>コンテナまたはオブジェクトが存在しません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="83"/>
        <source>Check the container and object names on the Destination page.</source>
        <translation>「アップロード先」ページで、コンテナ名とオブジェクト名を確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="84"/>
        <source>The object is larger than object storage accepts in one piece (5 GB on K5).</source>
        <translation>オブジェクトが、オブジェクトストレージに一度に格納できるサイズ（K5では5 GB）を超えています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="85"/>
        <source>Upload it in segments; the uploader does this when the file is larger than the limit.</source>
        <translation>セグメントに分割してアップロードしてください。ファイルが上限を超える場合は、アップローダーが自動的に分割します。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="86"/>
        <source>Object storage is out of space for your account.</source>
        <translation>お使いのアカウントのオブジェクトストレージの容量が不足しています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="87"/>
        <source>Delete unneeded objects or ask for a larger quota.</source>
        <translation>不要なオブジェクトを削除するか、クォータの拡大を依頼してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="88"/>
        <source>Windows Server 2008 R2 SE</source>
        <translation>Windows Server 2008 R2 SE</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="89"/>
        <source>Windows Server 2008 R2 EE</source>
        <translation>Windows Server 2008 R2 EE</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="90"/>
        <source>Windows Server 2012 SE</source>
        <translation>Windows Server 2012 SE</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="91"/>
        <source>Windows Server 2012 R2 SE</source>
        <translation>Windows Server 2012 R2 SE</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="92"/>
        <source>Windows Server 2016 SE (Japanese version)</source>
        <translation>Windows Server 2016 SE（日本語版）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="93"/>
        <source>Windows Server 2016 SE (English version)</source>
        <translation>Windows Server 2016 SE（英語版）</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="94"/>
        <source>Red Hat Enterprise Linux 6</source>
        <translation>Red Hat Enterprise Linux 6</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="95"/>
        <source>Red Hat Enterprise Linux 7</source>
        <translation>Red Hat Enterprise Linux 7</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="96"/>
        <source>CentOS</source>
        <translation>CentOS</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="97"/>
        <source>Ubuntu</source>
        <translation>Ubuntu</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="98"/>
        <source>Choose the OS that is really installed on the disk. With the wrong OS type the virtual server may not start, you may not get correct support, and OS support fees may be charged wrongly.</source>
        <translation>ディスクに実際にインストールされているOSを選択してください。OS種別を誤ると、仮想サーバが起動しない、正しいサポートを受けられない、OSのサポート料金が正しく課金されない、といったおそれがあります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="99"/>
        <source>Enter the name.</source>
        <translation>イメージ名を入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="100"/>
        <source>Enter the location.</source>
        <translation>格納場所を指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="101"/>
        <source>Enter the os type.</source>
        <translation>OS種別を選択してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="102"/>
        <source>The image name must be text.</source>
        <translation>イメージ名は文字列で指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="103"/>
        <source>The image name is empty.</source>
        <translation>イメージ名が空です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="104"/>
        <source>The image name starts or ends with a space.</source>
        <translation>イメージ名の先頭または末尾に空白があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="105"/>
        <source>The image name contains control characters or line breaks.</source>
        <translation>イメージ名に制御文字または改行が含まれています。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="106"/>
        <source>The container name is empty.</source>
        <translation>コンテナ名が空です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="107"/>
        <source>The container name may only contain letters A-Z a-z, digits and . _ ~ ( ) + -.</source>
        <translation>コンテナ名に使用できるのは、英字（A-Z a-z）、数字、および . _ ~ ( ) + - のみです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="108"/>
        <source>The object name is empty.</source>
        <translation>オブジェクト名が空です。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="109"/>
        <source>The object name may only contain letters A-Z a-z, digits, . _ ~ ( ) + - and single / between parts (no spaces, no leading or trailing /).</source>
        <translation>オブジェクト名に使用できるのは、英字（A-Z a-z）、数字、. _ ~ ( ) + - 、および要素間を区切る単独の / のみです（空白と、先頭・末尾の / は使用できません）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="110"/>
        <source>The location must be text.</source>
        <translation>格納場所は文字列で指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="111"/>
        <source>The location must start with /v1/AUTH_&lt;project id&gt;/.</source>
        <translation>格納場所は /v1/AUTH_&lt;プロジェクトID&gt;/ で始まる必要があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="112"/>
        <source>The location has no valid project id after /v1/AUTH_.</source>
        <translation>格納場所の /v1/AUTH_ の後に、正しいプロジェクトIDがありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="113"/>
        <source>The checksum must be a SHA1 value: exactly 40 hexadecimal digits.</source>
        <translation>チェックサムには、SHA1値（ちょうど40桁の16進数）を指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="114"/>
        <source>The image id must be a UUID such as 6bf65660-70ee-4a75-b61a-36ac040c289c (use Generate, or uuidgen).</source>
        <translation>イメージIDには、6bf65660-70ee-4a75-b61a-36ac040c289c のようなUUIDを指定してください（「生成」またはuuidgenを使用）。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="115"/>
        <source>The KMS server must be text in the form FQDN:port.</source>
        <translation>KMSサーバは、「FQDN:ポート番号」の形式の文字列で指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="116"/>
        <source>The KMS server must be written as FQDN:port, for example kms.example.com:1688.</source>
        <translation>KMSサーバは、「FQDN:ポート番号」の形式（例: kms.example.com:1688）で指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="117"/>
        <source>kms must be an object such as {&quot;server_info&quot;: &quot;FQDN:1688&quot;, &quot;activate&quot;: true}.</source>
        <translation>kmsには、{&quot;server_info&quot;: &quot;FQDN:1688&quot;, &quot;activate&quot;: true} のようなオブジェクトを指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="118"/>
        <source>kms needs server_info, activate, or both; otherwise leave kms out.</source>
        <translation>kmsには、server_info、activate、またはその両方が必要です。どちらも指定しない場合は、kms自体を省略してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="119"/>
        <source>kms.activate can only be true (a JSON boolean).</source>
        <translation>kms.activateに指定できるのは、true（JSONのブール値）のみです。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="120"/>
        <source>The request body must be a JSON object.</source>
        <translation>リクエストボディは、JSONオブジェクトである必要があります。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="121"/>
        <source>conversion is a retired field; if sent it must be true or false.</source>
        <translation>conversionは廃止された項目です。送信する場合は、trueまたはfalseを指定してください。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/catalog_tr.py" line="122"/>
        <source>Paste the SHA1, or let the tool compute it.</source>
        <translation>SHA1を貼り付けるか、ツールに計算させてください。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/i18n.py" line="69"/>
        <source>Unexpected error: %1</source>
        <translation>予期しないエラーが発生しました: %1</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="40"/>
        <source>succeeded</source>
        <translation>件成功</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="40"/>
        <source>failed</source>
        <translation>件失敗</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="41"/>
        <source>converting</source>
        <translation>件変換中</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="41"/>
        <source>queued</source>
        <translation>件待機中</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="42"/>
        <source>canceled</source>
        <translation>件キャンセル済み</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="42"/>
        <source>unknown to the service</source>
        <translation>件サービス側で不明</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="44"/>
        <source>Up to date: no import is still converting.</source>
        <translation>最新の状態です。変換中のインポートはありません。</translation>
    </message>
    <message>
        <location filename="../../gui/vmdkimport/qt/history.py" line="46"/>
        <source>Earlier imports: %1.</source>
        <translation>以前のインポート: %1。</translation>
    </message>
</context>
</TS>
