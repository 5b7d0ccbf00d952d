import Testing
@testable import NewsAnalysis

/// Our own sentences, one short news paragraph per language.
@Suite("Language identification")
struct LanguageIdentifierTests {
    @Test(arguments: [
        ("en", "The council said on Monday that it would review the harbour plan after residents asked for more time to study it."),
        ("de", "Der Stadtrat hat am Montag beschlossen, dass der Plan für den Hafen noch einmal geprüft wird, weil die Bewohner mehr Zeit wollen."),
        ("fr", "Le conseil a annoncé lundi qu'il allait revoir le projet du port, car les habitants ont demandé plus de temps pour l'étudier."),
        ("es", "El consejo dijo el lunes que revisará el plan del puerto después de que los vecinos pidieran más tiempo para estudiarlo."),
        ("it", "Il consiglio ha detto lunedì che rivedrà il piano del porto, perché gli abitanti hanno chiesto più tempo per studiarlo."),
        ("pt", "O conselho disse na segunda-feira que vai rever o plano do porto, porque os moradores pediram mais tempo para o estudar."),
        ("nl", "De gemeenteraad heeft maandag gezegd dat het plan voor de haven opnieuw wordt bekeken, omdat de bewoners meer tijd willen."),
        ("sv", "Kommunen sa på måndagen att planen för hamnen ska ses över, eftersom de boende har bett om mer tid för att läsa den."),
        ("pl", "Rada miasta poinformowała w poniedziałek, że plan dla portu zostanie jeszcze raz sprawdzony, ponieważ mieszkańcy chcą więcej czasu."),
        ("tr", "Belediye meclisi pazartesi günü liman planının yeniden ele alınacağını söyledi, çünkü mahalle sakinleri daha çok zaman istedi."),
        ("ru", "Городской совет заявил в понедельник, что план порта будет пересмотрен, так как жители попросили больше времени для его изучения."),
        ("ja", "市議会は月曜日、住民がもっと時間がほしいと求めたため、港の計画を見直すと発表した。"),
        ("zh", "市议会周一表示，由于居民要求更多时间研究，将重新审查港口计划。"),
        ("ko", "시의회는 월요일 주민들이 더 많은 시간을 요구함에 따라 항구 계획을 다시 검토하겠다고 밝혔다."),
        ("el", "Το δημοτικό συμβούλιο ανακοίνωσε τη Δευτέρα ότι θα επανεξετάσει το σχέδιο για το λιμάνι."),
        ("ar", "قال مجلس المدينة يوم الاثنين إنه سيعيد النظر في خطة الميناء بعد أن طلب السكان مزيدا من الوقت."),
    ])
    func identifiesAParagraph(expected: String, text: String) {
        #expect(LanguageIdentifier.identify(text) == expected)
    }

    @Test(arguments: ["", "NATO", "Angela Merkel, Emmanuel Macron, Pedro Sánchez", "12 34 56 78 90 12 34 56 78"])
    func tooLittleTextIsUnknown(text: String) {
        #expect(LanguageIdentifier.identify(text) == nil)
    }

    @Test func germanNounCapitalsDoNotLookEnglish() {
        let text = "Zum Beispiel hat die Regierung im Januar neue Regeln beschlossen. Das Ergebnis ist für viele Firmen eine Überraschung."
        #expect(LanguageIdentifier.identify(text) == "de")
    }

    @Test(arguments: [("de-DE", "de"), ("en_US", "en"), ("PT-br", "pt"), ("nb", "no"), ("nn-NO", "no"), ("fr", "fr")])
    func primaryCodeOfATag(tag: String, expected: String) {
        #expect(LanguageIdentifier.primaryCode(of: tag) == expected)
    }

    @Test(arguments: ["", "x", "german", "12", "-"])
    func badTagsHaveNoCode(tag: String) {
        #expect(LanguageIdentifier.primaryCode(of: tag) == nil)
    }

    /// The identifier's table splits the lists on these two bytes only; any other separator would join words.
    @Test func profilesSeparateWordsBySpacesAndNewlinesOnly() {
        for profile in LanguageProfiles.functionWords {
            let separators = Set(profile.words.filter(\.isWhitespace))
            #expect(separators.isSubset(of: [" ", "\n"]), "\(profile.code): \(separators.map(\.unicodeScalars.first!.value))")
        }
    }
}
