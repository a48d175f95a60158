package client

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
)

func Insecure() *http.Client {
	// ruleid: go-tls-insecure-skip-verify
	cfg := &tls.Config{InsecureSkipVerify: true}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}

func Secure(pool *x509.CertPool) *http.Client {
	// ok: go-tls-insecure-skip-verify
	cfg := &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}
