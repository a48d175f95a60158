package digest

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
)

func Sums(data []byte) ([16]byte, [20]byte, [32]byte) {
	// ruleid: go-weak-hash
	a := md5.Sum(data)
	// ruleid: go-weak-hash
	b := sha1.Sum(data)
	// ok: go-weak-hash
	c := sha256.Sum256(data)
	return a, b, c
}
