"""The provider over HTTP: sign-in, endpoints and the two services we call.

``http`` (one configured requests session) and ``httpsettings`` (what the user sets: proxy, TLS);
``identity`` (Keystone v3 sign-in and renewal), ``endpoints`` (region presets, catalog lookup),
``profiles`` (options, ``OS_*`` variables, clouds.yaml), ``secrets`` (the OS keyring);
``service`` (a client with a token), ``objectstorage`` (Swift), ``imageimport`` (register, status,
list); ``session`` (one signed-in connection with its clients). Nothing here knows about disks.
"""
