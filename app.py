"""The clinic's patient page: python app.py, then open http://127.0.0.1:7860 (host and port are settings)."""

import sys

from faqbot.patient.page import main

if __name__ == "__main__":
    sys.exit(main())
