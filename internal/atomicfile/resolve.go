package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// maxLinks is how many symbolic links resolve follows before giving up, as
// Linux's ELOOP limit does.
const maxLinks = 40

// resolve follows path through symbolic links to the file that a plain open
// would write, which need not exist yet (a dangling link names the file to
// create). Links in the directories on the way are left to the kernel: the
// temporary file is created in the same directory by the same path, so it
// lands beside the real target.
func resolve(path string) (string, error) {
	p := path
	for i := 0; i < maxLinks; i++ {
		st, err := os.Lstat(p)
		if os.IsNotExist(err) {
			return p, nil
		}
		if err != nil {
			return "", err
		}
		if st.Mode()&os.ModeSymlink == 0 {
			return p, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = link
	}
	return "", fmt.Errorf("%s: more than %d symbolic links in a row", path, maxLinks)
}
