"""What Linux is in the guest and how it is set up: observed from its root filesystem, not judged.

Fills :class:`.facts.LinuxFacts` from the files a distribution keeps in known places: the
release files, ``/boot`` (kernels and their initramfs), ``/lib/modules``, ``/etc/fstab``, the
network configuration of each family (RHEL ifcfg, NetworkManager keyfiles, netplan, Debian
``interfaces``), cloud-init and VMware Tools. :mod:`.checks` decides what any of it means.

Everything read is hostile input: each file is read with a size bound, each directory listing is
cut at a bound, and a file that does not parse leaves its fields at "unknown" (never a
traceback). A :class:`~.fs.GuestReadError` from the filesystem itself is left to the caller,
which knows which volume it was.
"""

from __future__ import annotations

import configparser
import ipaddress
import logging
import posixpath
import re
from collections.abc import Iterable, Sequence
from typing import Any

import yaml

from vmdkimport.core.guest import initramfs
from vmdkimport.core.guest.facts import FstabEntry, Kernel, LinuxFacts, NetInterface, Volume
from vmdkimport.core.guest.fs import Entry, GuestFS

log = logging.getLogger(__name__)

#: small text files (release files, fstab, one network configuration)
MAX_TEXT = 1024 * 1024
#: modules.dep of a distribution kernel is some 500 KiB; modules.builtin some 50 KiB
MAX_MODULES_LIST = 16 * 1024 * 1024
#: entries of one directory looked at (/boot, a configuration folder)
MAX_DIR_ENTRIES = 10_000
#: files of one configuration folder read (ifcfg-*, *.nmconnection, netplan)
MAX_CONFIG_FILES = 256
#: kernels reported; each kernel's initramfs is read once (tens of MiB), so keep it small
MAX_KERNELS = 16
#: only the newest kernel's initramfs is read (the one that boots), and only when it is at most
#: this large: the whole inspection must stay within about 64 MiB of reads (a RHEL rescue image
#: alone can be 60 MiB, and CentOS 7 keeps five kernels)
INITRAMFS_LIMIT = 40 * 1024 * 1024
MAX_FSTAB_ENTRIES = 1000
#: netplan: flow collections nested deeper, or indentation deeper, than this are refused
MAX_YAML_DEPTH = 32

OS_RELEASE = ("/etc/os-release", "/usr/lib/os-release")
#: the RHEL family's release files, the most specific first (all of them may be present)
RH_RELEASE = ("/etc/centos-release", "/etc/rocky-release", "/etc/almalinux-release",
              "/etc/oracle-release", "/etc/redhat-release")
_ROOT_MARKERS = (*OS_RELEASE, *RH_RELEASE, "/etc/fstab", "/etc/lsb-release",
                 "/etc/debian_version", "/etc/SuSE-release")
MODULE_DIRS = ("/lib/modules", "/usr/lib/modules")

#: fstab types that name no device: nothing to find on any disk, so they are left out
PSEUDO_FS = frozenset({
    "proc", "sysfs", "tmpfs", "devtmpfs", "devpts", "securityfs", "cgroup", "cgroup2",
    "debugfs", "tracefs", "hugetlbfs", "mqueue", "efivarfs", "ramfs", "binfmt_misc",
    "configfs", "fusectl", "pstore", "autofs", "rpc_pipefs", "nfsd", "none", "selinuxfs",
    "bpf", "usbfs",
})
#: the device names that depend on probe order or bus: which disk they are cannot be told
_KERNEL_NAMES = re.compile(r"^/dev/(sd|vd|hd|xvd|nvme|mmcblk|md|dm-|loop|sr|cciss/)")


# --- entry points --------------------------------------------------------------------------

def looks_like_linux_root(fs: GuestFS) -> bool:
    """Whether this filesystem is a Linux root (it has /etc with a release file or fstab)."""
    return any(fs.exists(path) for path in _ROOT_MARKERS)


def probe_linux(root: GuestFS, *, root_where: str, volumes: Sequence[Volume],
                boot: GuestFS | None = None,
                initramfs_limit: int = INITRAMFS_LIMIT) -> LinuxFacts | None:
    """The facts of the Linux whose root filesystem is ``root``; None when it is not one.

    ``boot`` is the separate /boot filesystem when fstab mounts one (its files are at its top);
    kernels and initramfs images are looked up there and under /boot of ``root``.
    ``initramfs_limit`` bounds the bytes read of the initramfs image, which is read for the newest
    kernel only (the one that boots by default): a larger image, or an older kernel's, keeps
    ``virtio_in_initramfs`` None.
    """
    if not looks_like_linux_root(root):
        return None
    release = _release(root)
    kernels = _kernels(root, boot, initramfs_limit)
    return LinuxFacts(
        root=root_where,
        os_id=release.get("ID", ""),
        version_id=release.get("VERSION_ID", ""),
        pretty_name=release.get("PRETTY_NAME", ""),
        release=release.get("RELEASE", ""),
        arch=_arch(root, kernels),
        kernels=kernels,
        fstab=tuple(parse_fstab(_text(root, "/etc/fstab"), volumes)),
        interfaces=tuple(_interfaces(root)),
        cloud_init=_any_exists(root, ("/etc/cloud/cloud.cfg", "/usr/bin/cloud-init",
                                      "/bin/cloud-init")),
        vmware_tools=_any_exists(root, ("/usr/bin/vmtoolsd", "/usr/sbin/vmtoolsd",
                                        "/etc/vmware-tools")),
        virtio_modules=_virtio_modules(root, kernels),
    )


# --- small readers -------------------------------------------------------------------------

def _text(fs: GuestFS, path: str, limit: int = MAX_TEXT) -> str | None:
    data = fs.read_file(path, limit)
    return None if data is None else data.decode("utf-8", "replace")


def _any_exists(fs: GuestFS, paths: Iterable[str]) -> bool:
    return any(fs.exists(p) for p in paths)


def _listing(fs: GuestFS, path: str) -> list[Entry]:
    return (fs.list_dir(path) or [])[:MAX_DIR_ENTRIES]


def _shell_value(raw: str) -> str:
    """A value of a KEY=value file (os-release, ifcfg): quotes and backslashes as sh reads them."""
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] == "'":
        return raw[1:-1]
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        return re.sub(r'\\([\\"$`])', r"\1", raw[1:-1])
    # unquoted: drop a trailing comment
    return re.sub(r"\s+#.*$", "", raw)


def parse_key_values(text: str) -> dict[str, str]:
    """KEY=value lines (os-release, lsb-release, ifcfg): comments and junk skipped."""
    values: dict[str, str] = {}
    for line in text.splitlines()[:10_000]:
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, raw = line.partition("=")
        key = key.strip().removeprefix("export ").strip()
        if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            values[key] = _shell_value(raw)
    return values


# --- release ------------------------------------------------------------------------------

_RH_IDS = (("centos stream", "centos"), ("centos", "centos"), ("rocky", "rocky"),
           ("almalinux", "almalinux"), ("red hat", "rhel"), ("oracle", "ol"),
           ("fedora", "fedora"), ("scientific", "scientific"))


def _release(fs: GuestFS) -> dict[str, str]:
    """ID, VERSION_ID, PRETTY_NAME and RELEASE (the finest version any file gives)."""
    info: dict[str, str] = {}
    for path in OS_RELEASE:
        text = _text(fs, path, 64 * 1024)
        if text is not None:
            info = {k: v for k, v in parse_key_values(text).items()
                    if k in ("ID", "VERSION_ID", "PRETTY_NAME", "VERSION")}
            break
    rh_line = ""
    for path in RH_RELEASE:
        text = _text(fs, path, 4096)
        if text and text.strip():
            rh_line = text.strip().splitlines()[0].strip()
            break
    lsb = parse_key_values(_text(fs, "/etc/lsb-release", 64 * 1024) or "")
    debian = (_text(fs, "/etc/debian_version", 4096) or "").strip()

    release = ""
    found = re.search(r"\brelease\s+(\d+(?:\.\d+)*)", rh_line)
    if found:
        release = found.group(1)
        if not info.get("ID"):
            lower = rh_line.lower()
            info["ID"] = next((i for k, i in _RH_IDS if lower.startswith(k)), "")
            major, _, rest = release.partition(".")
            # as their os-release would say: "7" on EL7 and older, "8.6" from EL8 on
            old = not major.isdigit() or int(major) < 8 or info["ID"] == "centos"
            info["VERSION_ID"] = major if old or not rest else ".".join(release.split(".")[:2])
            info["PRETTY_NAME"] = rh_line
    if not info.get("ID") and lsb.get("DISTRIB_ID"):
        info["ID"] = lsb["DISTRIB_ID"].lower()
        info["VERSION_ID"] = lsb.get("DISTRIB_RELEASE", "")
        info["PRETTY_NAME"] = lsb.get("DISTRIB_DESCRIPTION", "")
    if not info.get("ID") and re.fullmatch(r"\d+(\.\d+)*", debian):
        info.update(ID="debian", VERSION_ID=debian.split(".")[0],
                    PRETTY_NAME=f"Debian GNU/Linux {debian}")
    if not release and info.get("ID") == "debian" and re.fullmatch(r"\d+(\.\d+)*", debian):
        release = debian  # "10.13": os-release says only "10"
    if not release:
        # Ubuntu's VERSION="18.04.6 LTS (Bionic Beaver)", or lsb's "Ubuntu 18.04.6 LTS"
        for source in (info.get("VERSION", ""), lsb.get("DISTRIB_DESCRIPTION", "")):
            found = re.search(r"(?<![\d.])(\d+\.\d+(?:\.\d+)*)", source)
            if found:
                release = found.group(1)
                break
    info["RELEASE"] = release
    return info


# --- kernels, initramfs, modules ---------------------------------------------------------------

def _version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key: numbers as numbers ("3.10.0-1160" after "3.10.0-957"); rescue kernels first."""
    if "rescue" in version:
        return ((-1, 0),)
    return tuple((0, int(p)) if p.isdigit() else (1, p)
                 for p in re.findall(r"\d+|[A-Za-z]+", version)[:64])


def _kernels(root: GuestFS, boot: GuestFS | None, limit: int) -> tuple[Kernel, ...]:
    """Kernels under /boot (of root, and the top of the boot fs), newest first."""
    places: list[tuple[GuestFS, str]] = [(root, "/boot")]
    if boot is not None:
        places.insert(0, (boot, "/"))
    found: dict[str, tuple[GuestFS, str, set[str]]] = {}
    for fs, folder in places:
        names = {e.name for e in _listing(fs, folder) if not e.is_dir}
        for name in names:
            version = name.removeprefix("vmlinuz-")
            if name.startswith("vmlinuz-") and version and version not in found:
                found[version] = (fs, folder, names)
    kernels: list[Kernel] = []
    for version in sorted(found, key=_version_key, reverse=True)[:MAX_KERNELS]:
        fs, folder, names = found[version]
        image = next((n for n in (f"initramfs-{version}.img", f"initrd.img-{version}",
                                  f"initrd-{version}", f"initrd-{version}.img") if n in names), "")
        if not image:
            kernels.append(Kernel(version))
            continue
        if any(k.initramfs for k in kernels) or "rescue" in version:
            kernels.append(Kernel(version, f"/boot/{image}"))  # not the one that boots: not read
            continue
        virtio = _virtio_in_initramfs(fs, posixpath.join(folder, image), limit)
        if virtio is False and _builtin_virtio(root, version):
            virtio = True  # built into the kernel: there at boot without any module
        kernels.append(Kernel(version, f"/boot/{image}", virtio))
    return tuple(kernels)


def _is_virtio_storage(name: str) -> bool:
    base = posixpath.basename(name)
    return base.startswith(("virtio_blk.ko", "virtio_scsi.ko", "virtio-blk.ko"))


def _virtio_in_initramfs(fs: GuestFS, path: str, limit: int) -> bool | None:
    size = fs.file_size(path)
    if size is None or size > limit:
        return None
    data = fs.read_file(path, limit)
    if data is None:
        return None
    listing = initramfs.list_names(data, stop_at=_is_virtio_storage)
    if any(_is_virtio_storage(n) for n in listing.names):
        return True
    return False if listing.complete else None


def _modules_dir(root: GuestFS, version: str) -> str | None:
    for base in MODULE_DIRS:
        path = f"{base}/{version}"
        if root.list_dir(path) is not None:
            return path
    return None


def _builtin_virtio(root: GuestFS, version: str) -> bool:
    """virtio_blk or virtio_scsi compiled into the kernel (Ubuntu's generic kernels)."""
    folder = _modules_dir(root, version)
    if folder is None:
        return False
    text = _text(root, f"{folder}/modules.builtin", MAX_MODULES_LIST) or ""
    return any(_is_virtio_storage(line.strip()) for line in text.splitlines())


def _virtio_modules(root: GuestFS, kernels: Sequence[Kernel]) -> bool | None:
    """virtio_blk installed (as a module or built in) for the newest kernel."""
    versions = [k.version for k in kernels if "rescue" not in k.version]
    if not versions:
        # no kernel in /boot (a container-like root, or /boot not given): the newest modules
        names = {e.name for base in MODULE_DIRS for e in _listing(root, base) if e.is_dir}
        versions = sorted(names, key=_version_key, reverse=True)
    if not versions:
        return None
    folder = _modules_dir(root, versions[0])
    if folder is None:
        return None
    block = _listing(root, f"{folder}/kernel/drivers/block")
    if any(_is_virtio_storage(e.name) for e in block):
        return True
    if _builtin_virtio(root, versions[0]):
        return True
    dep = _text(root, f"{folder}/modules.dep", MAX_MODULES_LIST)
    if dep is not None:
        return any(_is_virtio_storage(line.partition(":")[0]) for line in dep.splitlines())
    return False if block else None


# --- architecture ------------------------------------------------------------------------

_KERNEL_ARCH = (
    (re.compile(r"[.-](x86_64|amd64)$"), "x86_64"),
    (re.compile(r"\.(i[3-6]86)$"), ""),  # the group itself
    (re.compile(r"-(686|686-pae|486)$"), "i686"),
    (re.compile(r"[.-](aarch64|arm64)$"), "aarch64"),
    (re.compile(r"\.(ppc64le|s390x)$"), ""),
)
#: ELF e_machine values
_ELF_MACHINE = {3: "i686", 62: "x86_64", 183: "aarch64", 40: "arm", 22: "s390x", 243: "riscv64",
                8: "mips"}


def _arch(root: GuestFS, kernels: Sequence[Kernel]) -> str:
    for kernel in kernels:
        for pattern, arch in _KERNEL_ARCH:
            found = pattern.search(kernel.version)
            if found:
                return arch or found.group(1)
    for path in ("/usr/bin/ls", "/bin/ls", "/bin/sh", "/usr/bin/bash", "/bin/bash"):
        arch = elf_arch(root.read_file(path, 64) or b"")
        if arch:
            return arch
    for kernel in kernels[:1]:
        head = root.read_file(f"/boot/vmlinuz-{kernel.version}", 0x240) or b""
        if bzimage_is_64bit(head):
            return "x86_64"
    return ""


def bzimage_is_64bit(head: bytes) -> bool:
    """An x86 bzImage whose setup header says it has a 64-bit entry (XLF_KERNEL_64).

    Only "yes" is trusted: a kernel older than boot protocol 2.12 has no such flag at all.
    """
    if len(head) < 0x238 or head[0x202:0x206] != b"HdrS":
        return False
    version = int.from_bytes(head[0x206:0x208], "little")
    return version >= 0x020C and bool(int.from_bytes(head[0x236:0x238], "little") & 1)


def elf_arch(header: bytes) -> str:
    """The architecture an ELF header names ("x86_64"), or "" when it is not one."""
    if len(header) < 20 or header[:4] != b"\x7fELF" or header[4] not in (1, 2):
        return ""
    little = header[5] == 1
    machine = int.from_bytes(header[18:20], "little" if little else "big")
    if machine == 21:  # EM_PPC64
        return "ppc64le" if little else "ppc64"
    return _ELF_MACHINE.get(machine, "")


# --- fstab --------------------------------------------------------------------------------

_OCTAL = re.compile(r"\\([0-7]{3})")
_HEX = re.compile(r"\\x([0-9A-Fa-f]{2})")


def _unescape(field: str) -> str:
    """fstab's octal escapes (``\\040`` is a space), as getmntent reads them."""
    return _OCTAL.sub(lambda m: chr(int(m.group(1), 8)), field)


def parse_fstab(text: str | None, volumes: Sequence[Volume]) -> list[FstabEntry]:
    """The entries of /etc/fstab, each with whether its device is on this disk.

    Left out: comments, blank lines and pseudo filesystems (:data:`PSEUDO_FS`: proc, tmpfs…),
    which name no device. Kept with ``on_this_disk=None`` ("cannot tell"): network filesystems
    (nfs, cifs…), bind mounts, kernel names (``/dev/sdb1``, ``/dev/vda1``), PARTUUID/PARTLABEL
    and anything else not matched against the volumes found.
    """
    if not text:
        return []
    entries: list[FstabEntry] = []
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split() if not line.lstrip().startswith("#") else []
        if len(fields) < 2:
            continue
        spec, mountpoint = _unescape(fields[0]), _unescape(fields[1])
        fstype = fields[2] if len(fields) > 2 else ""
        options = fields[3] if len(fields) > 3 else ""
        bind = bool({"bind", "rbind"} & set(options.split(",")))
        if fstype in PSEUDO_FS and not bind:  # bind mounts often say "none"
            continue
        entries.append(FstabEntry(spec, mountpoint, fstype, options,
                                  None if bind else spec_on_disk(spec, volumes)))
        if len(entries) >= MAX_FSTAB_ENTRIES:
            break
    return entries


def _lvm_name(spec: str) -> tuple[str, str] | None:
    """(vg, lv) from /dev/mapper/vg-lv (``--`` is a dash in a name) or /dev/vg/lv."""
    if spec.startswith("/dev/mapper/"):
        name = spec[len("/dev/mapper/"):]
        parts = re.split(r"(?<!-)-(?!-)", name)
        if len(parts) != 2 or not all(parts):
            return None
        vg, lv = (p.replace("--", "-") for p in parts)
        return vg, lv
    found = re.fullmatch(r"/dev/([^/]+)/([^/]+)", spec)
    if found and found.group(1) not in ("disk", "mapper", "md", "cciss", "block", "char", "fd",
                                        "input", "net", "pts", "shm", "bus", "snd"):
        return found.group(1), found.group(2)
    return None


def spec_on_disk(spec: str, volumes: Sequence[Volume]) -> bool | None:
    """Whether an fstab device names a volume of this disk (True/False), or None: cannot tell."""
    key, value = "", ""
    if spec.upper().startswith(("UUID=", "LABEL=")):
        key, _, value = spec.partition("=")
        key, value = key.upper(), value.strip("\"'")
    elif spec.startswith("/dev/disk/by-uuid/"):
        key, value = "UUID", spec.rsplit("/", 1)[1]
    elif spec.startswith("/dev/disk/by-label/"):
        # udev writes unsafe characters as \xNN
        key, value = "LABEL", _HEX.sub(lambda m: chr(int(m.group(1), 16)), spec.rsplit("/", 1)[1])
    if key == "UUID":
        if any(v.uuid and v.uuid.lower() == value.lower() for v in volumes):
            return True
        return None if _unknown_ids(volumes) else False
    if key == "LABEL":
        if any(v.label and v.label == value for v in volumes):
            return True
        return None if _unknown_ids(volumes) else False
    if _KERNEL_NAMES.match(spec):
        return None
    lvm = _lvm_name(spec)
    if lvm is not None:
        if any(v.where == f"LVM {lvm[0]}/{lvm[1]}" for v in volumes):
            return True
        damaged_pv = any(v.filesystem == "lvm2-pv" and v.unreadable for v in volumes)
        return None if damaged_pv else False
    return None


def _unknown_ids(volumes: Sequence[Volume]) -> bool:
    """Some volume holds a filesystem whose UUID and label were not read: a miss proves nothing."""
    return any(v.filesystem not in ("", "lvm2-pv") and (v.unreadable or not v.uuid)
               for v in volumes)


# --- network ------------------------------------------------------------------------------

def _interfaces(root: GuestFS) -> list[NetInterface]:
    found: list[NetInterface] = []
    found += _ifcfg(root)
    found += _nm_keyfiles(root)
    found += _netplan(root)
    found += _debian_interfaces(root)
    return found


def _config_files(root: GuestFS, folder: str, *, prefix: str = "",
                  suffixes: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(path, text) of the regular files of a folder that match, in name order, bounded."""
    skip = ("~", ".bak", ".orig", ".rpmnew", ".rpmorig", ".rpmsave", ".old", ".swp")
    names = sorted(e.name for e in _listing(root, folder)
                   if not e.is_dir and e.name.startswith(prefix) and not e.name.endswith(skip)
                   and (not suffixes or e.name.endswith(suffixes)))
    files: list[tuple[str, str]] = []
    for name in names[:MAX_CONFIG_FILES]:
        path = posixpath.join(folder, name)
        text = _text(root, path, 256 * 1024)
        if text is not None:
            files.append((path, text))
    return files


def _mac(raw: str) -> str:
    """A MAC address as aa:bb:cc:dd:ee:ff, or "" when it is not one."""
    raw = raw.strip()
    if ";" in raw:  # NetworkManager's old byte-list form: "0;80;86;1;2;3;"
        try:
            octets = [int(p) for p in raw.split(";") if p.strip()]
        except ValueError:
            return ""
        if len(octets) == 6 and all(0 <= o < 256 for o in octets):
            return ":".join(f"{o:02x}" for o in octets)
        return ""
    hexes = re.fullmatch(r"([0-9A-Fa-f]{2})[:-]?" * 5 + r"([0-9A-Fa-f]{2})", raw)
    return ":".join(hexes.groups()).lower() if hexes else ""


def _with_prefix(address: str, prefix: str = "", netmask: str = "") -> str:
    """"192.0.2.10/24" from an address and a prefix length or a netmask."""
    address = address.strip()
    if not address:
        return ""
    if "/" in address:
        return address
    if netmask.strip().isdigit():  # ifupdown's "netmask 64" on inet6, or "netmask 24"
        prefix = netmask
    if prefix.strip().isdigit():
        return f"{address}/{int(prefix)}"
    if netmask.strip():
        try:
            length = ipaddress.IPv4Network(f"0.0.0.0/{netmask.strip()}").prefixlen
        except ValueError:
            return address
        return f"{address}/{length}"
    return address


def _ifcfg(root: GuestFS) -> list[NetInterface]:
    """RHEL/CentOS /etc/sysconfig/network-scripts/ifcfg-* (initscripts and NM's ifcfg-rh)."""
    found: list[NetInterface] = []
    for path, text in _config_files(root, "/etc/sysconfig/network-scripts", prefix="ifcfg-"):
        values = parse_key_values(text)
        name = values.get("DEVICE") or values.get("NAME") or path.rsplit("ifcfg-", 1)[1]
        if name == "lo" or values.get("TYPE", "").lower() == "loopback":
            continue
        addresses: list[str] = []
        if values.get("IPADDR"):
            addresses.append(_with_prefix(values["IPADDR"], values.get("PREFIX", ""),
                                          values.get("NETMASK", "")))
        for n in range(256):
            if values.get(f"IPADDR{n}"):
                addresses.append(_with_prefix(values[f"IPADDR{n}"], values.get(f"PREFIX{n}", ""),
                                              values.get(f"NETMASK{n}", "")))
        for six in (values.get("IPV6ADDR", ""), *values.get("IPV6ADDR_SECONDARIES", "").split()):
            if six.strip():
                addresses.append(six.strip())
        proto = values.get("BOOTPROTO", "").lower()
        # no BOOTPROTO means "none": static when addresses are set, else not configured here
        dhcp = proto in ("dhcp", "bootp") if proto else (False if addresses else None)
        found.append(NetInterface(
            name=name, source=path, dhcp=dhcp, addresses=tuple(addresses),
            gateway=values.get("GATEWAY") or values.get("GATEWAY0", ""),
            mac=_mac(values.get("HWADDR", "")), bound_by_name="DEVICE" in values))
    return found


def _nm_keyfiles(root: GuestFS) -> list[NetInterface]:
    """NetworkManager keyfiles: *.nmconnection, or files with no extension on older versions."""
    found: list[NetInterface] = []
    for path, text in _config_files(root, "/etc/NetworkManager/system-connections"):
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        try:
            parser.read_string(text)
        except configparser.Error:
            log.debug("unreadable NetworkManager keyfile %s", path)
            continue
        kind = parser.get("connection", "type", fallback="")
        if kind in ("loopback", "wifi", "802-11-wireless"):
            continue
        device = parser.get("connection", "interface-name", fallback="")
        mac = ""
        for section in ("ethernet", "802-3-ethernet"):
            mac = mac or _mac(parser.get(section, "mac-address", fallback=""))
        addresses: list[str] = []
        gateway = ""
        for family in ("ipv4", "ipv6"):
            if not parser.has_section(family):
                continue
            for key, value in parser.items(family):
                if re.fullmatch(r"address(es)?\d*", key):
                    for item in value.split(";"):
                        address, _, via = item.strip().partition(",")
                        if address:
                            addresses.append(address.strip())
                        if via.strip() and not gateway and family == "ipv4":
                            gateway = via.strip()
            if family == "ipv4":
                gateway = parser.get("ipv4", "gateway", fallback="") or gateway
        method = parser.get("ipv4", "method", fallback="").lower()
        dhcp = {"auto": True, "manual": False, "disabled": False, "link-local": False,
                "shared": False}.get(method)
        found.append(NetInterface(
            name=device or parser.get("connection", "id", fallback=posixpath.basename(path)),
            source=path, dhcp=dhcp, addresses=tuple(addresses), gateway=gateway, mac=mac,
            bound_by_name=bool(device)))
    return found


def _yaml_too_deep(text: str) -> bool:
    """Flow nesting or indentation beyond MAX_YAML_DEPTH: refuse before the parser recurses."""
    depth = 0
    for char in text:
        if char in "[{":
            depth += 1
            if depth > MAX_YAML_DEPTH:
                return True
        elif char in "]}":
            depth = max(0, depth - 1)
    return any(len(line) - len(line.lstrip(" ")) > 4 * MAX_YAML_DEPTH
               for line in text.splitlines())


def _yaml_truth(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("yes", "true", "on", "no", "false", "off"):
        return value.lower() in ("yes", "true", "on")
    return None


def _netplan(root: GuestFS) -> list[NetInterface]:
    """netplan's YAML (Ubuntu 18.04 on): ethernets, bonds, bridges and vlans.

    PyYAML (already a dependency, for clouds.yaml) with safe_load; nesting is checked first
    because its composer recurses, and only the few known keys are walked, so an alias
    bomb is never expanded.
    """
    found: list[NetInterface] = []
    for path, text in _config_files(root, "/etc/netplan", suffixes=(".yaml", ".yml")):
        if _yaml_too_deep(text):
            log.debug("netplan file %s nested too deep", path)
            continue
        try:
            document = yaml.safe_load(text)
        except (yaml.YAMLError, RecursionError, ValueError):
            log.debug("unreadable netplan file %s", path)
            continue
        network = document.get("network") if isinstance(document, dict) else None
        if not isinstance(network, dict):
            continue
        for group in ("ethernets", "bonds", "bridges", "vlans"):
            devices = network.get(group)
            if not isinstance(devices, dict):
                continue
            for key, config in list(devices.items())[:MAX_CONFIG_FILES]:
                if isinstance(config, dict):
                    found.append(_netplan_device(str(key), config, path))
    return found


def _netplan_device(key: str, config: dict[Any, Any], path: str) -> NetInterface:
    addresses: list[str] = []
    raw = config.get("addresses")
    if isinstance(raw, list):
        for item in raw[:256]:
            if isinstance(item, str):
                addresses.append(item)
            elif isinstance(item, dict):  # newer form: {"192.0.2.10/24": {lifetime: 0}}
                addresses.extend(str(k) for k in list(item)[:1])
    gateway = config.get("gateway4")
    gateway = gateway if isinstance(gateway, str) else ""
    routes = config.get("routes")
    if not gateway and isinstance(routes, list):
        for route in routes[:256]:
            if (isinstance(route, dict) and str(route.get("to")) in ("default", "0.0.0.0/0")
                    and isinstance(route.get("via"), str)):
                gateway = route["via"]
                break
    match = config.get("match")
    mac = ""
    by_name = True
    if isinstance(match, dict):
        mac = _mac(str(match.get("macaddress", "")))
        by_name = "name" in match
    set_name = config.get("set-name")
    dhcp4 = _yaml_truth(config.get("dhcp4"))
    if dhcp4 is None:
        dhcp4 = False if addresses else None
    return NetInterface(name=set_name if isinstance(set_name, str) else key, source=path,
                        dhcp=dhcp4, addresses=tuple(addresses), gateway=gateway, mac=mac,
                        bound_by_name=by_name)


def _debian_interfaces(root: GuestFS) -> list[NetInterface]:
    """Debian's ifupdown: /etc/network/interfaces and the files of interfaces.d."""
    files: list[tuple[str, str]] = []
    main = _text(root, "/etc/network/interfaces")
    if main is not None:
        files.append(("/etc/network/interfaces", main))
    files += _config_files(root, "/etc/network/interfaces.d")
    found: list[NetInterface] = []
    for path, text in files:
        current: dict[str, Any] | None = None
        stanzas: list[dict[str, Any]] = []
        for line in text.splitlines():
            words = line.split("#", 1)[0].split()
            if not words:
                continue
            if words[0] == "iface" and len(words) >= 4:
                current = {"name": words[1], "family": words[2], "method": words[3],
                           "address": "", "netmask": "", "gateway": ""}
                stanzas.append(current)
            elif words[0] in ("auto", "allow-hotplug", "mapping", "source", "source-directory",
                              "allow-auto") or words[0].startswith("allow-"):
                current = None
            elif current is not None and len(words) >= 2 and words[0] in current:
                current[words[0]] = words[1]
        for stanza in stanzas:
            if stanza["method"] == "loopback" or stanza["name"] == "lo":
                continue
            address = _with_prefix(stanza["address"], netmask=stanza["netmask"])
            method = stanza["method"]
            dhcp = True if method == "dhcp" else False if method == "static" else None
            found.append(NetInterface(name=stanza["name"], source=path, dhcp=dhcp,
                                      addresses=(address,) if address else (),
                                      gateway=stanza["gateway"], bound_by_name=True))
    return found
