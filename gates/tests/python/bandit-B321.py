import ftplib
import paramiko

# ruleid: bandit-B321
ftp = ftplib.FTP("ftp.example.com")
# ok: bandit-B321
ssh = paramiko.SSHClient()
