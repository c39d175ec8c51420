"""What is on the workstation: the disk file, read and judged before anything is sent.

``diskformat`` (formats by magic, the reader), ``vmdk`` (VMDK descriptors and headers), ``ovf``
(OVF, OVA, VMX), ``qemu`` (qemu-img conversion), ``preflight`` (the verdict, reasons, fix and
suggestions) and ``source`` (the byte range an upload sends, which the pre-flight produces).
Nothing here talks to the network.
"""
