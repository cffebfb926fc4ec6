package notebooks

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Provenance: a notebook written by "nnbook run" records what it was run
// from in metadata.nnbook.source (the input's path relative to the
// notebook's directory), and while the run goes on, which cell it is at in
// metadata.nnbook.status. The runner replaces an existing notebook only
// when it is an earlier output of the same input: a notebook the user made
// or edited under the same name (lesson.ipynb beside lesson.go) is left
// alone unless --force.

// nnbookMeta is the "nnbook" object of the notebook metadata.
type nnbookMeta struct {
	Source string `json:"source,omitempty"`
	Status string `json:"status,omitempty"`
}

func (nb *Notebook) nnbookMeta() nnbookMeta {
	var m nnbookMeta
	if raw, ok := nb.Metadata["nnbook"]; ok {
		json.Unmarshal(raw, &m)
	}
	return m
}

func (nb *Notebook) setNnbookMeta(m nnbookMeta) {
	if nb.Metadata == nil {
		nb.Metadata = Metadata{}
	}
	nb.Metadata.Set("nnbook", m)
}

// setSource records that nb, to be written to out, is run from file.
func (nb *Notebook) setSource(file, out string) {
	m := nb.nnbookMeta()
	m.Source = sourceName(file, out)
	nb.setNnbookMeta(m)
}

// setRunStatus records how far the run is ("" when it is over).
func (nb *Notebook) setRunStatus(status string) {
	m := nb.nnbookMeta()
	m.Status = status
	nb.setNnbookMeta(m)
}

// sourceName is file as seen from the directory of out, in slash form.
func sourceName(file, out string) string {
	if out == "-" {
		return filepath.ToSlash(filepath.Base(file))
	}
	rel, err := filepath.Rel(filepath.Dir(abs(out)), abs(file))
	if err != nil {
		return filepath.ToSlash(abs(file))
	}
	return filepath.ToSlash(rel)
}

// checkReplace refuses to replace an existing out that this run did not
// write earlier: a notebook without our provenance, or (with --to go and
// no -o) any existing script. --force, --inplace, standard output and
// devices pass.
func checkReplace(cfg *config, file, out string) error {
	if cfg.force || cfg.inplace || out == "-" {
		return nil
	}
	st, err := os.Stat(out)
	if errors.Is(err, fs.ErrNotExist) || err == nil && !st.Mode().IsRegular() {
		return nil
	}
	if err != nil {
		return err
	}
	refuse := func(why string) error {
		return fmt.Errorf("%s: %s exists and %s; give --force to replace it, or -o to write elsewhere", file, out, why)
	}
	switch cfg.to {
	case "ipynb":
		data, err := os.ReadFile(out)
		if err != nil {
			return err
		}
		old, err := Read(data)
		if err != nil {
			return refuse("is not a notebook nnbook can read")
		}
		if old.nnbookMeta().Source != sourceName(file, out) {
			return refuse("was not written by an earlier 'nnbook run " + file + "' (it may hold your own work)")
		}
	case "go":
		if cfg.out == "" {
			return refuse("may hold your own code")
		}
	}
	return nil
}
