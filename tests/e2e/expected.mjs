// The words the bot says and the buttons it shows, as the end-to-end tests read them.
// What the bot says and the buttons it shows, in one place: update here when the cards (cards/*.template.json) or
// the guidance data file (src/ImagingBot.Guidance/Data/low-back-pain.json: questions, options, studies) change
// their words.
export const expected = {
  // The welcome is the help card.
  welcome: /first imaging study for adults with low back pain/,
  startButton: 'Start a consult',
  // Anything the bot does not understand outside a consult gets the hint with suggestions.
  replyToHello: /did not get that/i,
  // Each question card by its questionId (the data file's question tree): its title, and the button title of each
  // answer value (the data file's option labels, as the card shows them).
  question: {
    caudaEquina: { title: 'Cauda equina syndrome', yes: 'Yes: at least one sign', no: 'No sign of it' },
    sepsis: { title: 'Sepsis or epidural abscess', yes: 'Yes: sepsis or suspected abscess', no: 'No' },
    age: { title: 'Age', child: 'Under 18', adult: '18 to 64', older: '65 or older' },
    majorTrauma: { title: 'High-energy trauma', yes: 'Yes', no: 'No' },
    cancer: { title: 'Cancer', yes: 'Yes', no: 'No' },
    infection: { title: 'Infection', yes: 'Yes', no: 'No' },
    immunosuppression: { title: 'Immunosuppression', yes: 'Yes', no: 'No' },
    priorSurgery: { title: 'Prior lumbar surgery', yes: 'Yes', no: 'No' },
    fractureRisk: { title: 'Fracture risk', yes: 'Yes', no: 'No' },
    course: { title: 'Course of the pain', acute: 'Under 6 weeks' },
    contraindication: { title: 'MRI and contrast', none: 'Yes, MRI with contrast is possible', mri: 'MRI not possible (for example an MRI-unsafe pacemaker)' },
    pregnancy: { title: 'Pregnancy', yes: 'Pregnant', no: 'Not pregnant or not applicable' },
  },
  // The question cards of the emergency screen carry this line above their title.
  emergencyScreen: /Emergency screen: asked before anything else/,
  // The recommendation card.
  variant: (number) => new RegExp(`ACR variant ${number}\\b`),
  usuallyAppropriate: /Usually Appropriate/,
  emergencyBanner: /⚠ EMERGENCY/,
  changeAnswerButton: 'Change an answer',
  articlePatient: { variant: 7, study: 'MRI lumbar spine without and with IV contrast', heading: 'Order first (in this order)' },
  caudaEquina: { variant: 4, study: 'MRI lumbar spine without and with IV contrast', heading: 'Equal first-line options: order one' },
  olderAfterFall: { variant: 6, study: 'Radiography lumbar spine', heading: 'Order first (in this order)' },
  quickForm: /Quick form/,
  quickFormSubmit: 'Get the recommendation',
  // What a clicked card becomes (Universal Actions replace it in place, with no live button).
  answeredInPlace: /\banswered\b/i,
  adviceBeingChanged: /Changing the answers/,
  quickFormSent: /Quick form sent/,
  faqQuestion: 'why contrast?',
  faqAnswer: /Why order the MRI both without and with contrast\?/,
};
