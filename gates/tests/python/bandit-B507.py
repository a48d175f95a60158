import paramiko

client = paramiko.SSHClient()
# ruleid: bandit-B507
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
# ok: bandit-B507
client.set_missing_host_key_policy(paramiko.RejectPolicy())
