"""`python -m addin.master.findings_worker ROWS SCRATCH`: the process findings_process.py starts."""

import sys

from addin.master.findings_process import write_alone

if __name__ == "__main__":
    write_alone(*sys.argv[1:3])
