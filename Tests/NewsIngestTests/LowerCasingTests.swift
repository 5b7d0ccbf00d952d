import Testing

@testable import NewsIngest

@Suite("Lower-casing")
struct LowerCasingTests {
    @Test(
        "the fast path gives what the standard library gives",
        arguments: [
            "", "Plain ASCII, Mixed Case 123!", "Über die Straße: ÄÖÜ äöü ẞ", "İSTANBUL ıi Iı", "ΟΔΟΣ ΣΟΦΟΣ Σ",
            "Ǆ ǅ ǆ ǈ ǋ", "ＦＵＬＬ ＷＩＤＴＨ", "東京 Tokyo 東京", "e\u{301} É\u{301}", "👍🏽 Emoji 🇩🇪", "\u{0130}\u{0307}",
            "ÀÁÂÃÄÅ ÆÇ ÈÉÊË Ω Å K", "Ⅻ Ⓐ 𐐀𐐁", "\r\n\tTabs\u{00A0}NBSP\u{2028}",
        ])
    func sameAsStandardLibrary(text: String) {
        #expect(text.lowercasedFast() == text.lowercased())
        #expect(Array(text.lowercasedFast().utf8) == Array(text.lowercased().utf8))
        #expect(text.dropFirst().lowercasedFast() == text.dropFirst().lowercased())
    }
}
