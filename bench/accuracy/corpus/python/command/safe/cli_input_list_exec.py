import subprocess


def main():
    repo_url = input("Repository URL: ")
    target = "checkout"
    subprocess.run(["git", "clone", "--", repo_url, target], check=True)
    print("cloned into", target)


if __name__ == "__main__":
    main()
