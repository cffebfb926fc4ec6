"""The official Jupyter kernel conformance suite (jupyter_kernel_test) with Go
samples for every test it has. Run by TestConformance with the nnbook
kernelspec installed in a temporary JUPYTER_DATA_DIR:

    JUPYTER_DATA_DIR=... /usr/bin/python3 -m unittest -v test_conformance
"""
import unittest

import jupyter_kernel_test


class NnbookKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "nnbook"
    language_name = "go"
    file_extension = ".go"

    code_hello_world = 'fmt.Println("hello, world")'
    code_stderr = 'fmt.Fprintln(os.Stderr, "to stderr")'

    completion_samples = [
        # Matches replace the text from cursor_start: the member name only.
        {"text": "fmt.Printl", "matches": {"Println"}},
        {"text": "strings.ToUpp", "matches": {"ToUpper", "ToUpperSpecial"}},
    ]

    complete_code_samples = [
        "x := 1",
        'fmt.Println("hi")',
        "func double(a int) int { return 2 * a }",
        ":help",
    ]
    incomplete_code_samples = [
        "func f() {",
        "for i := 0; i < 3; i++ {",
        "y := (1 +",
    ]
    invalid_code_samples = [
        "x := )",
        "}",
    ]

    code_page_something = ":help"

    code_generate_error = 'panic("boom")'

    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": "1 + 2", "result": "3"},
        # A figure is a value: shown as image/png (with a text/plain fallback).
        {"code": "n := nnlib.New(2, 2, 1)\n"
                 "hist, _ := n.Fit(nnlib.XOR(), nnlib.FitOptions{Epochs: 2})\n"
                 "plot.Loss(hist)",
         "mime": "image/png"},
    ]

    # Fit draws a live loss figure: display_data, then update_display_data.
    code_display_data = [
        {"code": "net := nnlib.New(2, 3, 1)\n"
                 "h, err := net.Fit(nnlib.XOR(), nnlib.FitOptions{Epochs: 5})",
         "mime": "image/png"},
    ]

    code_history_pattern = "6?7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "fmt.Println"

    code_clear_output = ":clear"


if __name__ == "__main__":
    unittest.main()
