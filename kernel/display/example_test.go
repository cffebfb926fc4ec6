package display_test

import (
	"fmt"
	"image"

	"github.com/nnbook/nnbook/kernel/display"
)

// Outside a kernel (a plain go run), Display prints each value's text.
func ExampleDisplay() {
	display.Display(display.Markdown("**epoch 3**: loss 0.12"), 42)
	// Output:
	// **epoch 3**: loss 0.12
	// 42
}

func ExampleHTML() {
	o := display.HTML("<b>bold</b>")
	fmt.Println(o.Types(), o)
	// Output: [text/html] <b>bold</b>
}

func ExampleImage() {
	o := display.Image(image.NewGray(image.Rect(0, 0, 4, 3)))
	fmt.Println(o.Types(), o)
	// Output: [image/png] image 4×3
}
