// Package compile builds compiled cells: a notebook cell whose first line
// is //nnbook:compile holds Go declarations that the Go toolchain compiles
// into a plugin (-buildmode=plugin), which is loaded into the running
// process. The kernel hands the plugin's symbol table to the interpreter,
// so later cells use the cell's names as if the cell had been interpreted.
//
// # How a cell becomes a plugin
//
// DetectHost reads the running binary's build information
// (runtime/debug.ReadBuildInfo): the Go version, every module version, the
// build flags and, from the file names the compiler recorded, the nnbook
// source the binary was built from. A plugin loads only if every package
// it shares with the process was built from the same source with the same
// flags, so the Builder writes a module "nnbookcells" whose go.mod pins
// every module to the binary's version and replaces
// github.com/nnbook/nnbook with that source directory. Anything that makes
// this impossible (no go command, another Go version, no C compiler, a
// binary built without cgo or with -trimpath, Windows) is a *Problem naming
// the cause and the fix; `nnbook doctor` prints it. A source that changed
// since the binary was built is caught where it matters: plugin.Open
// refuses a plugin whose shared packages differ, and the cell says which
// package and to rebuild nnbook.
//
// Each cell is a package nnbookcells/c<hash> (package name "cell"): the
// cell's lines with its directive replaced by the package clause and the
// imports it uses without declaring (the session's), so compile errors
// keep the cell's own lines and columns. A generated exports.go adds an
// exported accessor for every name (NNBOOK_x = &x for a variable, an alias
// for a type, the value for a func or constant) and the symbol table the
// interpreter receives (reflect values; a variable as its addressable
// storage, so interpreted and compiled code share it). A later compiled
// cell imports the earlier cells' packages and reaches their names
// through the accessors: types and funcs by aliases, variables by
// dereferencing the accessor where the name is used.
//
// # Where plugins are built
//
// Under CacheDir (os.UserCacheDir()/nnbook/plugins), one directory per host
// (a hash of the toolchain, module versions and source directory), one .so
// per cell source: a cell run again with the same source, in any session,
// loads the plugin built before. The go command's build cache is used as
// usual; GOPROXY=off keeps builds offline and the module cache untouched.
//
// # Memory
//
// Go cannot unload a plugin: every build a session loads stays mapped
// until the process ends. A build is a ~6 MB shared object (it carries its
// own copy of the runtime's code, file-backed); loading one adds about 3 MB
// of resident memory (6 builds of a 3-line cell: 36.6 → 55.6 MB), plus
// whatever its variables hold. Re-running a compiled cell loads a new
// build and rebinds the names to it. The cache directory only grows
// (~6 MB per distinct cell); deleting it is always safe.
package compile
