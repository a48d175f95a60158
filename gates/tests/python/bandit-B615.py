from transformers import AutoModel

# ruleid: bandit-B615
model = AutoModel.from_pretrained("org/model")
# ok: bandit-B615
pinned = AutoModel.from_pretrained("org/model", revision="5d0f2e8a7f1d0c1b2a3e4f5a6b7c8d9e0f1a2b3c")
