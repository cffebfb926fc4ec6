package repl

import (
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"strings"
)

// inlineProtocol picks the inline image protocol for --inline: the value
// given ("kitty" or "iterm"), or for "auto" the one the terminal announces
// in its environment, kitty when it says nothing.
func inlineProtocol(flag string) string {
	switch flag {
	case "", "none", "off", "false":
		return ""
	case "kitty", "iterm":
		return flag
	}
	term, prog := os.Getenv("TERM"), os.Getenv("TERM_PROGRAM")
	switch {
	case os.Getenv("KITTY_WINDOW_ID") != "" || strings.Contains(term, "kitty") || prog == "ghostty" || prog == "WezTerm":
		return "kitty"
	case prog == "iTerm.app" || os.Getenv("LC_TERMINAL") == "iTerm2":
		return "iterm"
	}
	return "kitty"
}

// writeInline shows a PNG in the terminal with the kitty graphics protocol
// (base64 in chunks of at most 4096 bytes, f=100 for PNG) or iTerm2's
// OSC 1337 File sequence.
func writeInline(w io.Writer, protocol string, png []byte) {
	enc := base64.StdEncoding.EncodeToString(png)
	var b strings.Builder
	switch protocol {
	case "iterm":
		fmt.Fprintf(&b, "\033]1337;File=inline=1;size=%d;preserveAspectRatio=1:%s\a\n", len(png), enc)
	case "kitty":
		for i := 0; i < len(enc); i += 4096 {
			j := min(i+4096, len(enc))
			more := 0
			if j < len(enc) {
				more = 1
			}
			if i == 0 {
				fmt.Fprintf(&b, "\033_Ga=T,f=100,m=%d;%s\033\\", more, enc[i:j])
			} else {
				fmt.Fprintf(&b, "\033_Gm=%d;%s\033\\", more, enc[i:j])
			}
		}
		b.WriteString("\n")
	}
	io.WriteString(w, b.String())
}
