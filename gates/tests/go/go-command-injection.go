package run

import (
	"context"
	"os/exec"
)

func Checkout(ctx context.Context, ref string) error {
	// ruleid: go-command-injection
	if err := exec.Command("sh", "-c", "git checkout "+ref).Run(); err != nil {
		return err
	}
	// ruleid: go-command-injection
	return exec.CommandContext(ctx, "/bin/bash", "-c", ref).Run()
}

func CheckoutSafe(ctx context.Context, ref string) error {
	// ok: go-command-injection
	if err := exec.Command("git", "checkout", ref).Run(); err != nil {
		return err
	}
	// ok: go-command-injection
	return exec.CommandContext(ctx, "sh", "-c", "make clean").Run()
}
