package files

import (
	"log"
	"os"
)

func Remove(path string) {
	err := os.Remove(path)
	// ruleid: go-swallowed-error
	if err != nil {
	}
	// ruleid: go-swallowed-error
	_ = err
}

func RemoveChecked(path string) error {
	err := os.Remove(path)
	// ok: go-swallowed-error
	if err != nil {
		log.Printf("remove %s: %v", path, err)
		return err
	}
	return nil
}
