"""Building and loading the index: encoders (torch, ONNX), document vectors, the FAISS store, ingest."""
