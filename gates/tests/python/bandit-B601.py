import paramiko


def run(client, command):
    # ruleid: bandit-B601
    client.exec_command("ls " + command)
    # ok: bandit-B601
    client.open_sftp()
