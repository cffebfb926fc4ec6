package kernel

import (
	"runtime"
	"strings"
)

// Version is the version of the nnbook engine, reported by front ends
// (the REPL banner, the Jupyter kernel_info reply).
const Version = "0.1.0"

// LanguageInfo returns the language_info of nnbook's cells, as a Jupyter
// kernel_info_reply and a notebook's metadata give it.
func LanguageInfo() map[string]string {
	return map[string]string{
		"name":               "go",
		"version":            strings.TrimPrefix(runtime.Version(), "go"),
		"mimetype":           "text/x-go",
		"file_extension":     ".go",
		"pygments_lexer":     "go",
		"codemirror_mode":    "go",
		"nbconvert_exporter": "script",
	}
}
