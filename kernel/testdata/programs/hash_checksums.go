package main

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"io"
	"strings"
)

func bucket(key string, n uint32) uint32 {
	h := fnv.New32a()
	h.Write([]byte(key))
	return h.Sum32() % n
}

func main() {
	msg := "The quick brown fox jumps over the lazy dog"
	sum := sha256.Sum256([]byte(msg))
	fmt.Printf("%x\n", sum)
	fmt.Println(hex.EncodeToString(sum[:4]), len(sum))
	fmt.Printf("%x\n", md5.Sum([]byte(msg)))
	fmt.Printf("%x\n", sha1.Sum([]byte("")))

	h := sha256.New()
	io.WriteString(h, "The quick brown fox ")
	io.Copy(h, strings.NewReader("jumps over the lazy dog"))
	fmt.Println(hex.EncodeToString(h.Sum(nil)) == hex.EncodeToString(sum[:]), h.Size(), h.BlockSize())

	fmt.Println(crc32.ChecksumIEEE([]byte(msg)))
	f64 := fnv.New64()
	f64.Write([]byte("gopher"))
	fmt.Println(f64.Sum64())
	for _, k := range []string{"alice", "bob", "carol", "dave"} {
		fmt.Print(k, "->", bucket(k, 4), " ")
	}
	fmt.Println()
	seen := map[[32]byte]string{}
	for _, s := range []string{"a", "b", "a"} {
		k := sha256.Sum256([]byte(s))
		if prev, ok := seen[k]; ok {
			fmt.Println("duplicate of", prev)
		}
		seen[k] = s
	}
}
