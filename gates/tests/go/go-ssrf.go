package proxy

import (
	"fmt"
	"net/http"
	"net/url"
)

func Fetch(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	// ruleid: go-ssrf
	resp, _ := http.Get(target)
	defer resp.Body.Close()
}

func Hook(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-ssrf
	req, _ := http.NewRequest("POST", r.FormValue("callback"), nil)
	_ = req
}

func User(w http.ResponseWriter, r *http.Request) {
	// ok: go-ssrf
	resp, _ := http.Get("https://api.example.com/users/" + url.PathEscape(r.FormValue("id")))
	defer resp.Body.Close()
}

func User2(w http.ResponseWriter, r *http.Request) {
	// ok: go-ssrf
	resp, _ := http.Get(fmt.Sprintf("https://api.example.com/users/%s", r.FormValue("id")))
	defer resp.Body.Close()
}

func Client(u string) (*http.Response, error) {
	// ok: go-ssrf
	return http.Get(u)
}
