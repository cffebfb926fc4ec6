package notebooks

import (
	"context"
	"strings"
	"testing"

	"github.com/nnbook/nnbook/kernel"
)

// TestDisplayOutputs runs the display package on the real engine: rich
// outputs keep their MIME types, an update replaces its display in place,
// clear_output(wait) clears when the next output comes, and the HTML and
// Markdown exports render each.
func TestDisplayOutputs(t *testing.T) {
	eng, err := kernel.New()
	if err != nil {
		t.Fatal(err)
	}
	nb := ReadScript([]byte("// %%\n" +
		"display.DisplayID(\"s\", display.Markdown(\"**first**\"))\n" +
		"display.Display(display.SVG(`<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>`))\n" +
		"display.Update(\"s\", display.Markdown(\"**second**\"))\n" +
		"// %%\n" +
		"fmt.Println(\"gone\")\n" +
		"display.Clear(true)\n" +
		"fmt.Println(\"kept\")\n" +
		"display.HTML(\"<table><tr><td>t</td></tr></table>\")\n"))
	if err := Run(context.Background(), nb, eng, Options{Name: "display.go"}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range nb.Cells {
		for _, o := range c.Outputs {
			got = append(got, o.Type+" "+strings.Join(o.Data.MIMETypes(), ",")+" "+strings.TrimSpace(o.PlainText()))
		}
	}
	want := []string{
		"display_data text/markdown,text/plain **second**",
		"display_data image/svg+xml,text/plain SVG image, 62 bytes",
		"stream  kept",
		"execute_result text/html,text/plain <table><tr><td>t</td></tr></table>",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outputs\n got %q\nwant %q", got, want)
	}
	page := string(ToHTML(nb, "display"))
	for _, w := range []string{"<strong>second</strong>", "data:image/svg+xml;base64,", "<table><tr><td>t</td></tr></table>"} {
		if !strings.Contains(page, w) {
			t.Errorf("the HTML export lacks %q", w)
		}
	}
	md, files := ToMarkdown(nb, "display_files")
	if !strings.Contains(string(md), "**second**") || !strings.Contains(string(md), "](display_files/output_0_1.svg)") || len(files) != 1 {
		t.Errorf("the Markdown export: %s (files %v)", md, len(files))
	}
}
