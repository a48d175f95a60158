TARGETS = ('x86_64', 'aarch64')
