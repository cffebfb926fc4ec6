package main

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
)

func main() {
	data := []byte("Hello, Gophers!?")
	h := hex.EncodeToString(data)
	fmt.Println(h)
	back, err := hex.DecodeString(h)
	fmt.Println(string(back), err)
	_, err = hex.DecodeString("abc")
	fmt.Println(err)
	_, err = hex.DecodeString("zz")
	fmt.Println(err)
	fmt.Print(hex.Dump(data))

	std := base64.StdEncoding.EncodeToString(data)
	url := base64.URLEncoding.EncodeToString(data)
	raw := base64.RawStdEncoding.EncodeToString(data)
	fmt.Println(std)
	fmt.Println(url)
	fmt.Println(raw)
	for _, s := range []string{"", "f", "fo", "foo", "foob"} {
		fmt.Printf("%q -> %q\n", s, base64.StdEncoding.EncodeToString([]byte(s)))
	}
	dec, err := base64.StdEncoding.DecodeString("R28gaXMgZnVu")
	fmt.Println(string(dec), err)
	_, err = base64.StdEncoding.DecodeString("R28*")
	fmt.Println(err)

	buf := make([]byte, base64.StdEncoding.EncodedLen(5))
	base64.StdEncoding.Encode(buf, []byte{0, 1, 2, 253, 255})
	fmt.Println(string(buf), len(buf), base64.StdEncoding.DecodedLen(len(buf)))
	fmt.Printf("%x %X % x\n", "hi", []byte{10, 255}, "go")
}
