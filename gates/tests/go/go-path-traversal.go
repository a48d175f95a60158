package files

import (
	"net/http"
	"os"
	"path/filepath"
)

const uploads = "/srv/uploads"

func Read(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-path-traversal
	data, _ := os.ReadFile(filepath.Join(uploads, r.URL.Query().Get("name")))
	w.Write(data)
}

func Serve(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-path-traversal
	http.ServeFile(w, r, filepath.Clean(uploads+"/"+r.FormValue("file")))
}

func ReadSafe(w http.ResponseWriter, r *http.Request) {
	// ok: go-path-traversal
	data, _ := os.ReadFile(filepath.Join(uploads, filepath.Base(r.URL.Query().Get("name"))))
	w.Write(data)
}

func Load(path string) ([]byte, error) {
	// ok: go-path-traversal
	return os.ReadFile(path)
}
