package files

import (
	"net/http"
	"os"
	"path/filepath"
)

func Delete(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-destructive-request-path
	os.RemoveAll(filepath.Join("/srv/workspaces", r.PathValue("name")))
}

func DeleteSafe(w http.ResponseWriter, r *http.Request) {
	// ok: go-destructive-request-path
	os.Remove(filepath.Join("/srv/uploads", filepath.Base(r.FormValue("name"))))
}

func Cleanup(dir string) error {
	// ok: go-destructive-request-path
	return os.RemoveAll(dir)
}
