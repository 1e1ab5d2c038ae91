"""The patient page: the chat logic, its HTML, the Gradio app and its admission gate."""
