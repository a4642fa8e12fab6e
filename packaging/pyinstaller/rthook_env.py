"""PyInstaller runtime hook: child processes get the user's library path, not the bundle's.

On Linux the bootloader points LD_LIBRARY_PATH at the bundle so that the frozen app finds its
libraries. Child processes inherit it: the speech player (aplay, paplay, pw-play) or the PDF
viewer that xdg-open starts would then load the bundle's copies of libpulse, glib or
libstdc++ instead of their own, and may crash. The running process is not affected by the
change: the dynamic loader reads LD_LIBRARY_PATH once, at start-up.
https://pyinstaller.org/en/stable/runtime-information.html#ld-library-path-libpath-considerations
"""

import os
import sys

if sys.platform.startswith("linux") and getattr(sys, "frozen", False):
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is None:
        os.environ.pop("LD_LIBRARY_PATH", None)
    else:
        os.environ["LD_LIBRARY_PATH"] = original
