"""The staff workspace: accounts, review, pins, documents, overview and exports."""
