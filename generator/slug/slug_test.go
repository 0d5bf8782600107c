package slug

import "testing"

func TestMake(t *testing.T) {
	for in, want := range map[string]string{
		"hành-trình-mua-hàng":        "hanh-trinh-mua-hang",
		"Đặt hàng trên Shopee":       "dat-hang-tren-shopee",
		"ĐIỂM CHẠM":                  "diem-cham",
		"chân dung khách hàng":       "chan-dung-khach-hang",
		"Buying on the marketplace!": "buying-on-the-marketplace",
		"  --a__b  ":                 "a-b",
		"Nguyễn Thị Ánh Tuyết":       "nguyen-thi-anh-tuyet",
		"ưu đãi ơi":                  "uu-dai-oi",
		"":                           "",
	} {
		if got := Make(in); got != want {
			t.Errorf("Make(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFold(t *testing.T) {
	if Fold("Hành Trình") != Fold("hanh trinh") {
		t.Errorf("Fold should ignore case and diacritics: %q vs %q", Fold("Hành Trình"), Fold("hanh trinh"))
	}
}

func FuzzMake(f *testing.F) {
	for _, s := range []string{"hành-trình", "Đặt", "a b", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Make(s)
		for _, r := range out {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Fatalf("Make(%q) = %q has %q", s, out, r)
			}
		}
		if Make(out) != out {
			t.Fatalf("Make is not idempotent on %q: %q", s, out)
		}
	})
}

// TestFile: a title's file name keeps its letters, and gives the title's
// slug.
func TestFile(t *testing.T) {
	for in, want := range map[string]string{
		"Chị Hạnh":             "chị-hạnh",
		"Mua hàng trên Shopee": "mua-hàng-trên-shopee",
		"Đặt hàng / Đổi trả?":  "đặt-hàng-đổi-trả",
		"  Buy_Now!  ":         "buy-now",
		"B2B onboarding 2.0":   "b2b-onboarding-2-0",
		"???":                  "",
	} {
		got := File(in)
		if got != want {
			t.Errorf("File(%q) = %q, want %q", in, got, want)
		}
		if Make(got) != Make(in) {
			t.Errorf("File(%q) = %q gives the slug %q, not the title's %q", in, got, Make(got), Make(in))
		}
	}
}
