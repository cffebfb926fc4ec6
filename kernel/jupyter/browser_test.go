package jupyter

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// browserCells are the cells TestClassicNotebookInChromium runs in the page:
// a gonum plot (PNG), an SVG, a Trace (HTML table), Markdown, and a display
// that the next cell updates in place.
var browserCells = []string{
	`import gplot "gonum.org/v1/plot"
import "gonum.org/v1/plot/plotter"
p := gplot.New()
p.Title.Text = "gonum in the browser"
l, _ := plotter.NewLine(plotter.XYs{{0, 0}, {1, 1}, {2, 4}})
p.Add(l)
p`,
	"display.SVG(`<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"30\" height=\"30\"><circle id=\"nn-circle\" cx=\"15\" cy=\"15\" r=\"10\" fill=\"teal\"/></svg>`)",
	`n := nnlib.WorkedExample()
tr, _ := n.Trace(nnlib.WorkedInput(), nnlib.WorkedTarget())
tr`,
	`display.Markdown("## Markdown works\n\nwith *emphasis*")`,
	`display.DisplayID("progress", display.HTML("<span class=\"nn-upd\">first</span>"))`,
	`display.Update("progress", display.HTML("<span class=\"nn-upd\">second</span>"))`,
}

// TestClassicNotebookInChromium opens a notebook in the classic Jupyter
// Notebook served on 127.0.0.1, runs all its cells through the page in
// headless Chromium (driven over the DevTools protocol) and checks from the
// page's DOM that the outputs rendered. The screenshot is left in a
// temporary directory (logged).
func TestClassicNotebookInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Jupyter Notebook and Chromium; skipped in -short mode")
	}
	notebookBin, err1 := exec.LookPath("jupyter-notebook")
	chromium, err2 := exec.LookPath("chromium")
	if err1 != nil || err2 != nil {
		msg := "needs Debian's jupyter-notebook and chromium packages (apt-get install jupyter-notebook chromium)"
		if os.Getenv("NNBOOK_REQUIRE_JUPYTER") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	env := jupyterEnv(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "browser.ipynb"), browserNotebook(browserCells), 0o644); err != nil {
		t.Fatal(err)
	}

	port := freePort(t)
	const token = "nnbook-browser-test"
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	nb := exec.CommandContext(ctx, notebookBin, "--no-browser", "--allow-root", "--ip=127.0.0.1",
		fmt.Sprintf("--port=%d", port), "--port-retries=0", "--NotebookApp.token="+token,
		"--notebook-dir="+dir)
	nb.Env = env
	nb.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // its kernels go with it
	nb.Cancel = func() error { return syscall.Kill(-nb.Process.Pid, syscall.SIGTERM) }
	nbLog := &strings.Builder{}
	nb.Stdout, nb.Stderr = nbLog, nbLog
	if err := nb.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cancel()
		nb.Wait()
		if t.Failed() {
			t.Logf("jupyter-notebook log:\n%s", nbLog)
		}
	}()
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	waitFor(t, "the notebook server", 60*time.Second, func() bool {
		resp, err := http.Get(base + "/api/status?token=" + token)
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})

	profile := t.TempDir()
	ch := exec.CommandContext(ctx, chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
		"--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
		"--remote-debugging-port=0", "--user-data-dir="+profile, "--window-size=1200,2400",
		base+"/notebooks/browser.ipynb?token="+token)
	ch.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // its helper processes go with it
	ch.Cancel = func() error { return syscall.Kill(-ch.Process.Pid, syscall.SIGKILL) }
	stderr, err := ch.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := ch.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cancel()
		ch.Wait()
	}()
	devtools := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`DevTools listening on ws://([^/]+)/`)
		s := bufio.NewScanner(stderr)
		for s.Scan() {
			if m := re.FindStringSubmatch(s.Text()); m != nil {
				devtools <- m[1]
			}
		}
	}()
	var host string
	select {
	case host = <-devtools:
	case <-time.After(60 * time.Second):
		t.Fatal("chromium did not say where its DevTools listen")
	}
	var wsURL string
	waitFor(t, "the notebook page", 60*time.Second, func() bool {
		wsURL, _ = devtoolsPage(host)
		return wsURL != ""
	})
	page, err := dialCDP(wsURL)
	if err != nil {
		t.Fatal(err)
	}
	defer page.Close()
	evalTrue := func(expr string) bool {
		var ok bool
		err := page.eval(expr, &ok)
		return err == nil && ok
	}

	t.Log("page open; waiting for the kernel")
	waitFor(t, "the kernel to connect", 90*time.Second, func() bool {
		return evalTrue(`!!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected())`)
	})
	if err := page.eval(`Jupyter.notebook.execute_all_cells(), true`, nil); err != nil {
		t.Fatal(err)
	}
	t.Log("running all cells")
	waitFor(t, "every cell to run", 120*time.Second, func() bool {
		return evalTrue(`Jupyter.notebook.get_cells().every(c => c.cell_type !== "code" ||
			(typeof c.input_prompt_number === "number")) && Jupyter.notebook.kernel_busy === false`)
	})

	shot, err := os.MkdirTemp("", "nnbook-browser-")
	if err == nil {
		var r struct{ Data string }
		if err := page.call("Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": true}, &r); err == nil {
			b, _ := base64.StdEncoding.DecodeString(r.Data)
			path := filepath.Join(shot, "notebook.png")
			if os.WriteFile(path, b, 0o644) == nil {
				t.Logf("screenshot: %s", path)
			}
		}
	}

	for _, c := range []struct{ what, expr string }{
		{"no error output", `document.querySelectorAll(".output_error").length === 0`},
		{"the gonum plot as a decoded PNG", `(() => { const i = document.querySelector(".cell:nth-child(1) .output_png img");
			return !!i && i.complete && i.naturalWidth >= 320 && i.src.startsWith("data:image/png;base64,") })()`},
		{"the SVG inline", `!!document.querySelector(".output_svg svg circle#nn-circle")`},
		{"the Trace as an HTML table with δ and w5", `(() => { const t = document.querySelector(".output_html table");
			return !!t && [...document.querySelectorAll(".output_html th")].some(th => th.textContent.includes("δ")) &&
				[...document.querySelectorAll(".output_html td")].some(td => td.textContent === "w5") })()`},
		{"the Markdown rendered", `[...document.querySelectorAll(".output_markdown h2")].some(h => h.textContent.includes("Markdown works")) &&
			!!document.querySelector(".output_markdown em")`},
		{"the display updated in place", `(() => { const s = document.querySelectorAll(".nn-upd");
			return s.length === 1 && s[0].textContent === "second" &&
				Jupyter.notebook.get_cell(4).output_area.element[0].contains(s[0]) })()`},
	} {
		if !evalTrue(c.expr) {
			var html string
			page.eval(`document.querySelector("#notebook-container").innerHTML.slice(0, 20000)`, &html)
			t.Errorf("%s: not so in the page; the notebook's HTML starts:\n%.4000s", c.what, html)
		}
	}
}

// browserNotebook returns an nbformat 4 notebook of code cells for the
// nnbook kernel.
func browserNotebook(cells []string) []byte {
	var cs []map[string]any
	for _, c := range cells {
		cs = append(cs, map[string]any{"cell_type": "code", "metadata": map[string]any{}, "source": c, "outputs": []any{}, "execution_count": nil})
	}
	b, _ := json.MarshalIndent(map[string]any{
		"nbformat": 4, "nbformat_minor": 5, "cells": cs,
		"metadata": map[string]any{"kernelspec": map[string]any{"name": "nnbook", "display_name": "Go (nnbook)", "language": "go"}},
	}, "", " ")
	return b
}

// freePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// waitFor polls cond until it holds; after limit the test fails, naming what
// it waited for.
func waitFor(t *testing.T, what string, limit time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s after %s", what, limit)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
