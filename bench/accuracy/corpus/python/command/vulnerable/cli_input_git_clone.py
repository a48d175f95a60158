import os


def main():
    repo_url = input("Repository URL: ")
    target = "checkout"
    os.system("git clone " + repo_url + " " + target)
    print("cloned into", target)


if __name__ == "__main__":
    main()
