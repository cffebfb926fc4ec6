package notebooks

import "testing"

func TestMarkdownToHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"# Title", "<h1>Title</h1>\n"},
		{"a *b* **c** `d<e>` [f](http://g)", "<p>a <em>b</em> <strong>c</strong> <code>d&lt;e&gt;</code> <a href=\"http://g\">f</a></p>\n"},
		{"text\n\n    code 1\n\n    code 2\nafter", "<p>text</p>\n<pre><code>code 1\n\ncode 2</code></pre>\n<p>after</p>\n"},
		{"- one\n- two\n  more", "<ul>\n<li>one</li>\n<li>two\nmore</li>\n</ul>\n"},
		{"1. a\n2. b", "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n"},
		{"| a | b |\n|---|---|\n| 1 | 2 |", "<table>\n<tr><th>a</th><th>b</th></tr>\n<tr><td>1</td><td>2</td></tr>\n</table>\n"},
		{"```go\nx := 1 < 2\n```", "<pre><code class=\"language-go\">x := 1 &lt; 2</code></pre>\n"},
		{"> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>\n"},
		{"---", "<hr>\n"},
	}
	for _, tt := range tests {
		if got := markdownToHTML(tt.in); got != tt.want {
			t.Errorf("markdownToHTML(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
