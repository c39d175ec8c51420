"""A local disk to one object in Swift, resumably.

``segments`` (identity, segment plan, the request), ``journal`` (segments verified so far, on this
machine), ``transfer`` (cancel, pause, bandwidth shared by the threads), ``uploader`` (the
segmented upload with SHA1 + MD5 in one read), ``destination`` (what an upload will do at a name)
and ``cleanup`` (segments of abandoned uploads).
"""
