"""Facts and the provider's rules to findings, and one verdict per disk.

Each check reads :mod:`.facts` only (never the disk), so the checks are tested on hand-made
facts. Every finding has a stable dotted code (scripts and migration plans key on it), a
sentence, the fix, the values worth keeping (the static IP to set again), its source, and
"unconfirmed" where the provider does not say it.

Choices (the README's table repeats them):

- Encryption (the issue: "encryption: cannot look inside, never ready"): an encrypted volume
  (BitLocker, LUKS) is UNKNOWN, so the disk is cannot-inspect. When no OS was found elsewhere
  the finding says the system is probably inside and will not start unattended in the cloud
  (our reading, unconfirmed), with decrypting as the fix; beside a readable OS it is a data
  volume the tool cannot look into.
- GPT: Windows starts from GPT only through UEFI, and a BIOS starts GRUB on GPT only through a
  BIOS boot partition; so GPT + ESP without a BIOS boot partition with boot code is UEFI-only.
- "Could not tell" is never "absent": an unknown fact gives no finding, or an information that
  it was not checked, never a pass in disguise.
- The licence channel against ``kms`` is judged only once the user has chosen ``kms``
  (:func:`licence_findings`); :func:`judge` adds it when ``kms`` is given.
"""

from __future__ import annotations

import re
from typing import Final

from vmdkimport.core.guest.facts import (
    FstabEntry,
    GuestFacts,
    Kernel,
    LinuxFacts,
    NetInterface,
    PartKind,
    Scheme,
    Volume,
    WindowsFacts,
)
from vmdkimport.core.guest.ostype import (
    OsMatch,
    describe,
    detect_os,
    language_name,
    language_of,
    match_os,
    normalised_arch,
)
from vmdkimport.core.guest.report import (
    DetectedOs,
    Finding,
    GuestReport,
    Level,
    sorted_findings,
    summary_for,
    verdict_of,
)
from vmdkimport.core.guest.rules import (
    LEGACY,
    REGION_DEPENDENT,
    GenerationRules,
    generations_allowing,
)
from vmdkimport.core.text import Text

#: the provider's rule, quoted (the overview page: "どの仮想環境でもBIOS起動が対象です。UEFI起動は
#: 対象外です。")
BOOT_RULE: Final = Text("BIOS boot only; UEFI boot is not supported.")
#: CHOSEN: "nearly full": less than 10 % or less than 1 GiB free
FREE_RATIO: Final = 0.10
FREE_MIN: Final = 2**30  # 1 GiB
_ENCRYPTED: Final = frozenset({"bitlocker", "luks"})
_DEV_NAME: Final = re.compile(r"/dev/(?:sd|hd|vd|xvd)[a-z]{1,3}\d*")
#: fstab entries that are no disk of this machine: nothing to import with it
_NOT_DISKS: Final = frozenset({
    "swap", "tmpfs", "proc", "sysfs", "devpts", "devtmpfs", "nfs", "nfs4", "cifs", "smbfs",
    "fuse.sshfs", "none", "iso9660", "udf", "auto",
})
_MAX_DETAILS: Final = 32  # values listed per finding: a hostile disk may have thousands


def _finding(code: str, level: Level, text: Text, fix: Text | None = None, *,
             details: tuple[tuple[str, str], ...] = (), source: str = "",
             unconfirmed: bool = False) -> Finding:
    return Finding(code, level, text, fix, details[:_MAX_DETAILS], source, unconfirmed)


# --- boot ------------------------------------------------------------------------------------

def _boot_findings(facts: GuestFacts, rules: GenerationRules) -> list[Finding]:
    boot = facts.boot
    out: list[Finding] = []
    src = rules.boot_source
    if boot.problems:
        out.append(_finding(
            "boot.table_problems", Level.INFO,
            Text("The partition table has damage the tool worked around."),
            details=tuple((f"problem {i + 1}", p) for i, p in enumerate(boot.problems))))
    if boot.firmware.setting == "efi" and "uefi" not in rules.boot_modes:
        out.append(_finding(
            "boot.uefi", Level.BLOCKER,
            Text("The VM is set to start with UEFI firmware ({where}). The provider's rule: "
                 "{rule}", where=boot.firmware.source or Text("VM configuration"),
                 rule=BOOT_RULE),
            _uefi_fix(facts), source=src,
            details=(("firmware", "efi"),)))
        return out
    if boot.scheme is None:
        out.append(_finding(
            "boot.unreadable", Level.UNKNOWN,
            Text("The partition table could not be read, so how the disk starts is not known."),
            Text("Check the disk in the VM (it should start there), then export it again.")))
        return out
    kinds = {p.kind for p in boot.partitions}
    if boot.scheme is Scheme.GPT:
        bios_path = PartKind.BIOS_BOOT in kinds and boot.bios_boot_code
        if PartKind.ESP in kinds and not bios_path:
            out.append(_finding(
                "boot.uefi", Level.BLOCKER,
                Text("The disk is partitioned for UEFI boot: GPT with an EFI system partition "
                     "and no BIOS boot partition. The provider's rule: {rule}", rule=BOOT_RULE),
                _uefi_fix(facts), source=src))
        elif not bios_path:
            out.append(_finding(
                "boot.no_loader", Level.WARNING,
                Text("No boot loader a BIOS can start was found: the GPT disk has no BIOS boot "
                     "partition with boot code. If this is a system disk it will not start."),
                Text("If the disk should start: in the VM, create a 1 MiB BIOS boot partition "
                     "and run grub2-install --target=i386-pc on the disk.")))
        elif PartKind.ESP in kinds:
            out.append(_finding(
                "boot.hybrid", Level.INFO,
                Text("The disk can start both with UEFI and with a BIOS; the BIOS path will be "
                     "used after the import.")))
    elif boot.scheme is Scheme.MBR:
        if not boot.bios_boot_code:
            out.append(_finding(
                "boot.no_loader", Level.WARNING,
                Text("No boot loader was found: the first sector holds no boot code. If this is "
                     "a system disk it will not start."),
                Text("If the disk should start: reinstall the boot loader in the VM "
                     "(Windows: bootrec /fixmbr; Linux: grub2-install on the disk).")))
    elif not any(v.filesystem for v in facts.volumes):
        out.append(_finding(
            "disk.empty", Level.UNKNOWN,
            Text("The disk has no partition table and no filesystem the tool knows: it may be "
                 "empty or use a format the tool cannot read.")))
    else:
        out.append(_finding(
            "boot.no_loader", Level.WARNING,
            Text("The disk has no partition table: the filesystem starts at the first sector, "
                 "so there is no boot loader. A system disk must have one.")))
    if PartKind.LDM in kinds:
        out.append(_finding(
            "disk.dynamic", Level.BLOCKER,
            Text("This is a Windows dynamic disk. Its volumes cannot be adapted by the "
                 "conversion, and Windows may not find its system volume after the import."),
            Text("Convert the disk back to a basic disk in the VM (with a backup; Disk "
                 "Management converts only an empty dynamic disk), or move the system to a "
                 "basic disk, then export again."), unconfirmed=True))
    return out


def _uefi_fix(facts: GuestFacts) -> Text:
    if facts.windows is not None:
        return Text("Rebuild the VM for BIOS boot: Windows starts from GPT only with UEFI, "
                    "and mbr2gpt converts only from MBR to GPT, never back. Reinstall on an MBR "
                    "disk with BIOS firmware, or convert with a third-party partition tool and "
                    "repair the boot files (bcdboot), then export again.")
    return Text("Switch the VM to BIOS boot: add a 1 MiB BIOS boot partition (GPT type EF02), "
                "run grub2-install --target=i386-pc on the disk, set the VM's firmware to BIOS "
                "and check that it starts; or rebuild the VM with BIOS firmware. Then export "
                "again.")


# --- volumes ---------------------------------------------------------------------------------

def _system_volume(facts: GuestFacts) -> str:
    if facts.windows is not None:
        return facts.windows.system
    if facts.linux is not None:
        return facts.linux.root
    return ""


def _volume_findings(facts: GuestFacts) -> list[Finding]:
    out: list[Finding] = []
    has_os = facts.windows is not None or facts.linux is not None
    for v in facts.volumes:
        if v.filesystem in _ENCRYPTED:
            kind = Text("BitLocker") if v.filesystem == "bitlocker" else Text("LUKS")
            if not has_os:
                out.append(_finding(
                    "volume.encrypted_system", Level.UNKNOWN,
                    Text("{where} is encrypted with {kind} and no readable system was found "
                         "elsewhere: the tool cannot look inside, and a system on an "
                         "encrypted volume neither converts nor starts unattended in the "
                         "cloud.", where=v.where, kind=kind),
                    Text("Decrypt the volume in the VM (BitLocker: manage-bde -off C:, and "
                         "wait until it is done), then export the disk again."),
                    details=(("volume", v.where),), unconfirmed=True))
            else:
                out.append(_finding(
                    "volume.encrypted", Level.UNKNOWN,
                    Text("{where} is encrypted with {kind}; the tool cannot look inside.",
                         where=v.where, kind=kind),
                    Text("Make sure the imported server can unlock it (its key or password "
                         "must be at hand), or decrypt it before the export."),
                    details=(("volume", v.where),)))
        elif v.unreadable:
            out.append(_finding(
                "volume.unreadable", Level.UNKNOWN,
                Text("{where} ({filesystem}) could not be read: {reason}", where=v.where,
                     filesystem=v.filesystem or "?", reason=v.unreadable),
                details=(("volume", v.where),)))
        elif v.filesystem == "unknown":
            out.append(_finding(
                "volume.unknown_filesystem", Level.UNKNOWN,
                Text("{where} holds a filesystem the tool cannot read.", where=v.where),
                details=(("volume", v.where),)))
    system = _system_volume(facts)
    for v in facts.volumes:
        if v.where == system and v.free_bytes is not None:
            out += _free_space(v)
    return out


def _free_space(v: Volume) -> list[Finding]:
    size = v.size_bytes or v.size
    free = v.free_bytes
    if free is None or size <= 0:
        return []
    if free < FREE_MIN or free < size * FREE_RATIO:
        return [_finding(
            "volume.nearly_full", Level.WARNING,
            Text("The system volume {where} is nearly full: {free} MiB free of {size} MiB. "
                 "Drivers added by the conversion and the first start need room.",
                 where=v.where, free=free // 2**20, size=size // 2**20),
            Text("Free at least 1 GiB and 10 % of the volume in the VM, then export again."),
            details=(("volume", v.where),), unconfirmed=True)]  # sizes: in the sentence
    return []


# --- the OS against the region's list --------------------------------------------------------

def _os_findings(facts: GuestFacts, rules: GenerationRules, detected: DetectedOs,
                 match: OsMatch) -> list[Finding]:
    if facts.windows is None and facts.linux is None:
        if any(v.filesystem in _ENCRYPTED for v in facts.volumes):
            return []  # volume.encrypted_system says why
        return [_finding(
            "os.not_found", Level.UNKNOWN,
            Text("No operating system was found on the disk, so the tool cannot tell whether "
                 "it will start."),
            Text("If this is a data disk, import it as a volume instead; if it is the system "
                 "disk, check that the VM starts from it."),
            details=tuple((f"note {i + 1}", n) for i, n in enumerate(facts.notes)))]
    out: list[Finding] = []
    arch = detected.arch
    if arch and arch not in rules.architectures:
        out.append(_finding(
            "os.arch", Level.BLOCKER,
            Text("{os} is a {arch} system; the provider imports 64-bit (x86_64) systems only.",
                 os=describe(detected), arch="32-bit" if arch == "x86" else arch),
            Text("Move the workload to a 64-bit installation of a supported OS."),
            source=rules.architecture_source))
    elif not arch:
        out.append(_finding(
            "os.arch_unknown", Level.INFO,
            Text("The tool could not tell whether the system is 64-bit; the provider imports "
                 "64-bit systems only.")))
    supported = Text("Supported in {title}: {names}.", title=_title(rules),
                     names=rules.supported_names())
    if match.rule is None:
        out.append(_unsupported(facts, rules, detected, match, supported))
        return out
    rule = match.rule
    if match.version_unknown:
        out.append(_finding(
            "os.version_unknown", Level.WARNING,
            Text("{os}: the exact version could not be read, and the provider supports "
                 "{name} only.", os=describe(detected), name=rule.name),
            Text("Check the version in the VM (cat /etc/redhat-release)."),
            source=rule.source, unconfirmed=True))
    if rule.status == LEGACY:
        out.append(_finding(
            "os.legacy", Level.WARNING,
            Text("{os} is accepted by the register API (os_type {keyword}) but is no longer in "
                 "the provider's list of importable systems.", os=describe(detected),
                 keyword=rule.keyword(detected.language) or "-"),
            Text("Expect no support for it; move to a listed OS if you can. {supported}",
                 supported=supported), source=rule.source, unconfirmed=True))
    elif rule.status == REGION_DEPENDENT:
        where = generations_allowing(rule.id)
        out.append(_finding(
            "os.region_dependent", Level.WARNING,
            Text("{os} can be imported in {generations} only, and no region was given.",
                 os=describe(detected), generations=tuple(_title(g) for g in where)),
            Text("Give the region you import into (--region, or sign in) to check it against "
                 "that region's list."),
            details=(("regions", ", ".join(r for g in where for r in g.regions)),),
            source=rule.source))
    for sql in match.unlisted_sql:
        out.append(_finding(
            "os.sql_not_listed", Level.WARNING,
            Text("SQL Server {version} ({edition}, instance {instance}) is installed. The "
                 "provider lists Windows with SQL Server only as its own images (SQL Server "
                 "2016/2019 Standard, Japanese); this one is imported as plain Windows, and "
                 "its licence is yours to settle.", version=sql.version,
                 edition=sql.edition or "?", instance=sql.instance or "?"),
            source=rule.source, unconfirmed=True))
    return out


def _title(rules: GenerationRules) -> Text:
    titles = {"k5": Text("K5 / FJcloud-O regions 1 and 2"),
              "region3": Text("East/West Japan Region 3")}
    return titles.get(rules.name, Text("every region"))


def _unsupported(facts: GuestFacts, rules: GenerationRules, detected: DetectedOs,
                 match: OsMatch, supported: Text) -> Finding:
    source = rules.os[0].source if rules.os else ""
    details = (("supported", ", ".join(rules.supported_names())),)
    if match.language_mismatch and match.near is not None:
        language = language_of(facts.windows.install_language) if facts.windows else ""
        return _finding(
            "os.unsupported", Level.BLOCKER,
            Text("{os} is installed in {language}; the provider imports {name} in {languages} "
                 "only.", os=describe(detected), language=language_name(language),
                 name=match.near.name,
                 languages=tuple(language_name(x) for x in match.near.languages)),
            Text("Use a Japanese or English installation of a supported OS. {supported}",
                 supported=supported), details=details, source=match.near.source)
    for other in rules.others:
        m = match_os(facts, other)
        if m.rule is not None and m.rule.status != LEGACY:
            return _finding(
                "os.unsupported", Level.BLOCKER,
                Text("{os} can be imported in {generation} only ({regions}), not in {region}.",
                     os=describe(detected), generation=_title(other), regions=other.regions,
                     region=rules.region or _title(rules)),
                Text("Import it into {generation}, or move the workload to an OS supported "
                     "here. {supported}", generation=_title(other), supported=supported),
                details=(*details, ("supported in", ", ".join(other.regions))),
                source=m.rule.source)
    return _finding(
        "os.unsupported", Level.BLOCKER,
        Text("{os} is not in the provider's list of importable systems.",
             os=describe(detected)),
        Text("Move the workload to a supported OS. {supported}", supported=supported),
        details=details, source=source)


# --- Windows ---------------------------------------------------------------------------------

def _windows_findings(w: WindowsFacts) -> list[Finding]:
    out: list[Finding] = []
    if w.hibernated:
        out.append(_finding(
            "windows.hibernated", Level.BLOCKER,
            Text("Windows is hibernated: its memory is saved in hiberfil.sys and the disk is "
                 "not in a consistent state. Changes made during the conversion would be lost, "
                 "or the volume damaged, when it resumes."),
            Text("Start the VM, then shut it down fully (shutdown /s /t 0) and turn "
                 "hibernation off (powercfg /h off) before the export.")))
    elif w.fast_startup:
        out.append(_finding(
            "windows.fast_startup", Level.WARNING,
            Text("Fast Startup is on: a normal shutdown hibernates the kernel, so the disk may "
                 "not be in a clean state."),
            Text("Turn it off (powercfg /h off) and shut down with shutdown /s /t 0 before the "
                 "export.")))
    other = tuple(d.letter for d in w.drive_letters if d.on_this_disk is False)
    if other:
        out.append(_finding(
            "windows.drive_on_other_disk", Level.WARNING,
            Text("Drive letters {letters} are on another disk, which this import does not "
                 "carry. Programs or services using them will not find them.", letters=other),
            Text("Import those disks as well and attach them, or move the data onto this "
                 "disk."), details=tuple(("drive", x) for x in other)))
    out += _static_ip(w.interfaces, windows=True)
    if w.virtio_drivers is False:
        out.append(_finding(
            "windows.virtio_missing", Level.WARNING,
            Text("No virtio storage driver (viostor or vioscsi) is installed. Windows may stop "
                 "at INACCESSIBLE_BOOT_DEVICE on the new virtual hardware, unless the "
                 "provider's conversion adds the driver."),
            Text("Install the virtio-win drivers in the VM before the export."),
            unconfirmed=True))
    elif w.virtio_drivers is None:
        out.append(_finding(
            "windows.virtio_unknown", Level.INFO,
            Text("Whether virtio storage drivers are installed could not be told.")))
    if w.cloudbase_init is False:
        out.append(_finding(
            "windows.no_cloudbase_init", Level.INFO,
            Text("cloudbase-init is not installed: the server will not take its host name, "
                 "password or SSH key from the cloud at first start.")))
    if w.vmware_tools:
        out.append(_vmware_tools())
    return out


def _vmware_tools() -> Finding:
    return _finding(
        "guest.vmware_tools", Level.INFO,
        Text("VMware Tools are installed. They do nothing outside VMware."),
        Text("Remove them after the move (keep them until then, for a way back)."))


def _static_ip(interfaces: tuple[NetInterface, ...], *, windows: bool) -> list[Finding]:
    static = [i for i in interfaces if i.dhcp is False and i.addresses]
    if not static:
        return []
    details: list[tuple[str, str]] = []
    bound = False
    for i in static:
        label = i.name or i.source
        details.append((label, ", ".join(i.addresses)))
        if i.gateway:
            details.append((f"{label} gateway", i.gateway))
        if i.mac:
            details.append((f"{label} MAC", i.mac))
        bound = bound or bool(i.mac) or i.bound_by_name
    addresses = tuple(a for i in static for a in i.addresses)
    if windows:
        text = Text("A static IP address is set ({addresses}). The imported server gets a new "
                    "network adapter, which starts without it.", addresses=addresses)
    elif bound:
        text = Text("A static IP address ({addresses}) is bound to a network interface name or "
                    "MAC address. The interface will have another name and MAC after the "
                    "import, so the address will not be set.", addresses=addresses)
    else:
        text = Text("A static IP address is set ({addresses}); it may not fit the network of "
                    "the new server.", addresses=addresses)
    return [_finding(
        "net.static_ip", Level.WARNING, text,
        Text("Note the addresses (listed here) to set them again, or switch to DHCP before the "
             "export; the cloud's network assigns the server its address."),
        details=tuple(details))]


# --- Linux -----------------------------------------------------------------------------------

def _newest(kernels: tuple[Kernel, ...]) -> Kernel:
    def key(k: Kernel) -> tuple[int, ...]:
        return tuple(int(x) for x in re.findall(r"\d{1,9}", k.version)[:8])
    return max(kernels, key=key)


def _fstab_line(e: FstabEntry) -> str:
    return f"{e.spec} {e.mountpoint} {e.fstype} {e.options}"


def _linux_findings(lx: LinuxFacts) -> list[Finding]:
    out: list[Finding] = []
    disks = [e for e in lx.fstab if e.fstype.lower() not in _NOT_DISKS
             and "_netdev" not in e.options.split(",")]
    elsewhere = [e for e in disks if e.on_this_disk is False
                 and not {"nofail", "noauto"} & set(e.options.split(","))]
    if elsewhere:
        out.append(_finding(
            "linux.fstab_other_disk", Level.WARNING,
            Text("/etc/fstab mounts {mounts} from a disk this import does not carry. Without "
                 "that disk the boot may stop in emergency mode.",
                 mounts=tuple(e.mountpoint for e in elsewhere)),
            Text("Add nofail to those lines in the VM, or import that disk as well."),
            details=tuple(("fstab", _fstab_line(e)) for e in elsewhere)))
    named = [e for e in disks if _DEV_NAME.fullmatch(e.spec)]
    if named:
        out.append(_finding(
            "linux.fstab_device_names", Level.WARNING,
            Text("/etc/fstab names disks by device ({devices}). Device names change on the new "
                 "virtual hardware (/dev/sda may become /dev/vda), and the boot may stop.",
                 devices=tuple(e.spec for e in named)),
            Text("Use UUID= or LABEL= in those lines (blkid shows them), then export again."),
            details=tuple(("fstab", _fstab_line(e)) for e in named)))
    out += _static_ip(lx.interfaces, windows=False)
    if not lx.kernels:
        out.append(_finding(
            "linux.no_kernel", Level.WARNING,
            Text("No kernel was found under /boot: the system may keep it elsewhere, or may "
                 "not start.")))
    else:
        newest = _newest(lx.kernels)
        if newest.virtio_in_initramfs is False or lx.virtio_modules is False:
            out.append(_finding(
                "linux.virtio_missing", Level.WARNING,
                Text("The initramfs of the newest kernel ({kernel}) has no virtio storage "
                     "driver. The system may not find its root disk on the new virtual "
                     "hardware, unless the provider's conversion adds the driver.",
                     kernel=newest.version),
                Text("In the VM, add the drivers and rebuild the initramfs (dracut -f "
                     "--add-drivers \"virtio_blk virtio_scsi\"; Ubuntu: update-initramfs -u), "
                     "then export again."),
                details=(("kernel", newest.version), ("initramfs", newest.initramfs or "-")),
                unconfirmed=True))
        elif newest.virtio_in_initramfs is None:
            out.append(_finding(
                "linux.virtio_unknown", Level.INFO,
                Text("Whether the initramfs of {kernel} has virtio drivers could not be told.",
                     kernel=newest.version)))
    if lx.cloud_init is False:
        out.append(_finding(
            "linux.no_cloud_init", Level.INFO,
            Text("cloud-init is not installed: the server will not take its host name or SSH "
                 "key from the cloud at first start.")))
    if lx.vmware_tools:
        out.append(_vmware_tools())
    return out


# --- licence ---------------------------------------------------------------------------------

def licence_findings(facts: GuestFacts, kms: bool | None) -> tuple[Finding, ...]:
    """The Windows licence channel against the user's ``kms`` choice (None: not chosen yet)."""
    w = facts.windows
    if w is None or kms is None or not w.licence_channel:
        return ()
    gvlk = w.licence_channel.lower().startswith("volume:gvlk")
    if gvlk and not kms:
        return (_finding(
            "licence.gvlk_without_kms", Level.INFO,
            Text("Windows has a volume licence key (KMS client), but KMS activation is not "
                 "requested: it will try its own KMS host ({host}) and stay unactivated if "
                 "that cannot be reached.", host=w.kms_host or Text("found by DNS")),
            Text("Request KMS activation (kms) for the provider's KMS server, unless your KMS "
                 "host is reachable from the cloud."),
            details=(("licence channel", w.licence_channel),)),)
    if not gvlk and kms:
        return (_finding(
            "licence.kms_needs_volume_key", Level.WARNING,
            Text("KMS activation needs a volume licence key, but this Windows has a {channel} "
                 "licence: activation will fail.", channel=w.licence_channel),
            Text("Install the KMS client key (GVLK) for this edition in the VM (slmgr /ipk), "
                 "or do not request KMS activation."),
            details=(("licence channel", w.licence_channel),)),)
    return ()


# --- the verdict -----------------------------------------------------------------------------

def judge(facts: GuestFacts, rules: GenerationRules, *, kms: bool | None = None) -> GuestReport:
    """Every finding for ``facts`` under ``rules``, and the verdict (see report.verdict_of)."""
    detected = detect_os(facts, rules)
    if detected.family and detected.arch:
        detected = DetectedOs(**{**detected.__dict__, "arch": normalised_arch(detected.arch)})
    match = match_os(facts, rules)
    findings = _boot_findings(facts, rules)
    findings += _volume_findings(facts)
    findings += _os_findings(facts, rules, detected, match)
    if facts.windows is not None:
        findings += _windows_findings(facts.windows)
    if facts.linux is not None and facts.windows is None:
        findings += _linux_findings(facts.linux)
    findings += licence_findings(facts, kms)
    ordered = sorted_findings(findings)
    readiness = verdict_of(ordered)
    return GuestReport(readiness=readiness, os=detected, findings=ordered, facts=facts,
                       rules=rules.name, region=rules.region, summary=summary_for(readiness))
