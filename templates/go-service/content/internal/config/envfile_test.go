package config

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLoadEnvFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "app.env")
	content := "# rendered by the vault agent\n\nAPI_TOKEN=\"abc\"\nALREADY_SET=from-file\n"
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("ALREADY_SET", "from-env")
	t.Setenv("API_TOKEN", "")
	os.Unsetenv("API_TOKEN")

	if err := LoadEnvFile(path); err != nil {
		t.Fatal(err)
	}
	if got := os.Getenv("API_TOKEN"); got != "abc" {
		t.Errorf("API_TOKEN = %q, want abc", got)
	}
	if got := os.Getenv("ALREADY_SET"); got != "from-env" {
		t.Errorf("ALREADY_SET = %q, want the existing value", got)
	}
}

func TestLoadEnvFileRejectsMalformedLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "app.env")
	if err := os.WriteFile(path, []byte("not a pair\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := LoadEnvFile(path); err == nil {
		t.Fatal("want an error for a line without =")
	}
}
