package main

import (
	"bufio"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

type Config struct {
	Name    string
	Port    int
	Debug   bool
	Servers []string
}

func parse(text string) (Config, []error) {
	var cfg Config
	var errs []error
	sc := bufio.NewScanner(strings.NewReader(text))
	line := 0
	for sc.Scan() {
		line++
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		key, val, ok := strings.Cut(l, "=")
		if !ok {
			errs = append(errs, &ParseError{line, "no '=' in " + strconv.Quote(l)})
			continue
		}
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		var err error
		switch key {
		case "name":
			cfg.Name = val
		case "port":
			cfg.Port, err = strconv.Atoi(val)
		case "debug":
			cfg.Debug, err = strconv.ParseBool(val)
		case "servers":
			cfg.Servers = strings.Split(val, ",")
		default:
			err = fmt.Errorf("unknown key %q", key)
		}
		if err != nil {
			errs = append(errs, &ParseError{line, err.Error()})
		}
	}
	return cfg, errs
}

const input = `# demo
name = demo app
port = 80x
debug = yes
servers = a,b,c
colour = blue
just text
port = 8080
`

func main() {
	cfg, errs := parse(input)
	fmt.Printf("%+v\n", cfg)
	for _, e := range errs {
		var pe *ParseError
		if errors.As(e, &pe) {
			fmt.Println(pe.Line, "->", pe)
		}
	}
	fmt.Println(errors.Join(errs...) != nil, len(errs))
}
