// Package config reads settings that do not come from plain environment variables.
package config

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// LoadEnvFile sets an environment variable for every KEY=value line of a file. Blank lines
// and lines starting with # are skipped; variables already set win, so an operator can
// override a value for debugging.
func LoadEnvFile(path string) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()

	scanner := bufio.NewScanner(file)
	for line := 1; scanner.Scan(); line++ {
		text := strings.TrimSpace(scanner.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		key, value, ok := strings.Cut(text, "=")
		if !ok || strings.TrimSpace(key) == "" {
			return fmt.Errorf("%s:%d: expected KEY=value", path, line)
		}
		key = strings.TrimSpace(key)
		if _, set := os.LookupEnv(key); !set {
			if err := os.Setenv(key, strings.Trim(strings.TrimSpace(value), `"`)); err != nil {
				return err
			}
		}
	}
	return scanner.Err()
}
