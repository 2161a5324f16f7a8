package fonts

import "testing"

// BenchmarkParse is the one-time cost Builtin pays per face.
func BenchmarkParse(b *testing.B) {
	for _, name := range BuiltinNames() {
		b.Run(name, func(b *testing.B) {
			data := builtins[name].data
			for b.Loop() {
				if _, err := Parse(name, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAdvance is the hot path of line breaking.
func BenchmarkAdvance(b *testing.B) {
	f := mustBuiltin(b, Serif)
	text := []rune("部门整体支出绩效自评表（2025年度）预算执行率≥95%")
	var sum float64
	for i := 0; b.Loop(); i++ {
		sum += f.Advance(text[i%len(text)])
	}
	_ = sum
}

func BenchmarkAdvanceAboveBMP(b *testing.B) {
	f := mustBuiltin(b, Serif)
	for b.Loop() {
		f.Advance('\U0002C27C')
	}
}

func BenchmarkHas(b *testing.B) {
	f := mustBuiltin(b, Serif)
	for i := 0; b.Loop(); i++ {
		f.Has(rune(0x4E00 + i%0x5000))
	}
}
