package jupyter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// checkExecuteRequest checks the content of an execute_request before
// anything runs: a JSON object whose "code" is a string (empty is fine),
// and whose other fields have the protocol's types. The error says what
// was expected and what came.
func checkExecuteRequest(content []byte) error {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(content, &fields); err != nil || fields == nil {
		return fmt.Errorf("execute_request: expected a JSON object as content, got %s", describeJSON(content))
	}
	code, ok := fields["code"]
	if !ok {
		return errors.New(`execute_request: expected "code" (the cell's source, a string), got no "code" field`)
	}
	if code = bytes.TrimSpace(code); len(code) == 0 || code[0] != '"' {
		return fmt.Errorf(`execute_request: expected "code" to be a string, got %s`, describeJSON(code))
	}
	var req executeRequest
	if err := json.Unmarshal(content, &req); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return fmt.Errorf("execute_request: expected %q to be %s, got %s", te.Field, te.Type, te.Value)
		}
		return fmt.Errorf("execute_request: %v", err)
	}
	return nil
}

// describeJSON names a JSON value for an error message: its kind and, when
// short, the value itself (number 12345, null).
func describeJSON(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return "nothing"
	}
	var kind string
	switch b[0] {
	case 'n':
		return "null"
	case '"':
		kind = "a string"
	case '{':
		kind = "an object"
	case '[':
		kind = "an array"
	case 't', 'f':
		kind = "a boolean"
	default:
		kind = "a number"
	}
	if len(b) <= 20 {
		return kind + " " + string(b)
	}
	return kind
}
