"""Training code (the [train] extra): fits the weights in model/; the runtime never imports it."""
