"""The desktop wizard: the only package that imports PySide6.

It calls :mod:`vmdkimport.core` on worker threads and re-emits the core's events as Qt signals;
it decides nothing on its own. (The pages arrive with the wizard issue.)
"""
