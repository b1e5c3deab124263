# The public pages for citizens, bystanders and employers (issue 11). Plain English. Not yet checked
# by a native speaker (schakel_domain::public_help::translation_reviewed).

# The frame of every public page.
public-site-name = Worried about violence at home
public-skip = Skip to content
public-quick-exit = Leave this site now
public-languages = Language:
public-language-unknown = We do not have the language "{ $code }". Choose a language from this list.
public-not-reviewed = This translation has not yet been checked by a native speaker.
public-back = Back to the start
public-more-title = Read also
public-call-box-title = Calling
public-danger-title = Danger now?
public-danger-call = Call
public-vt-title = Worried or in doubt?
public-vt-call = Call Veilig Thuis:
public-vt-free = Free, day and night. You may stay anonymous.
public-privacy-title = Your privacy
public-privacy-nothing-stored = This website keeps nothing about you. There are no cookies.
public-quick-exit-explained = The button Leave this site now takes you to another website at once. You can also press the Esc key twice.
public-privacy-history = Your browser does remember which pages you looked at. Do you not want that? Use a private window (incognito). Or clear your browser's history afterwards.
public-login-link = Worried about someone? Read what you can do.

# Links between the pages.
public-start-link = Worried about someone: where do I start?
public-call-link = Do I call 112 or Veilig Thuis?
public-after-link = What happens when I call Veilig Thuis?
public-employers-link = Information for employers

# The start page.
public-start-title = Are you worried about someone?
public-start-intro = Maybe you see or hear that someone is being hit, threatened or humiliated at home. Or that a child is not being looked after well. That is hard.
public-start-not-alone = You do not have to solve this alone. Here you can read what you can do.
public-start-choose = Who are you worried about?
public-start-who-buur = A neighbour or a neighbour's child
public-start-who-familielid = Someone in my family
public-start-who-collega = A colleague
public-start-who-werknemer = An employee
public-start-who-kind = A child
public-start-self = Is it about yourself? Then you can call Veilig Thuis too.

# One page per situation.
public-topic-signs-title = What might you notice?
public-topic-signs-doubt = You do not have to be sure. Doubt is enough to ask for advice.
public-topic-do-title = What can you do?

public-buur-title = Worried about your neighbours
public-buur-intro = Through the wall you hear shouting, crying or blows. Or you see that something is not right.
public-buur-sign-1 = You often hear loud fights, screaming or something breaking.
public-buur-sign-2 = You see someone with bruises or wounds.
public-buur-sign-3 = A child is often alone, is hungry or is afraid to go home.
public-buur-do-1 = Do you hear violence right now? Call 112.
public-buur-do-2 = In doubt? Call Veilig Thuis for advice. You do not have to give your name.
public-buur-do-3 = Have a chat with your neighbours. Ask how they are. Then they know you are there.
public-buur-note = Do not try to stop a fight yourself. You could put yourself or others in danger.

public-familielid-title = Worried about someone in your family
public-familielid-intro = It is extra hard when it is about your own family. You want to help, but you do not want to lose contact. You can still do something.
public-familielid-sign-1 = Someone sees family and friends less and less.
public-familielid-sign-2 = The partner decides everything: the money, the clothes, who someone talks to.
public-familielid-sign-3 = An older person in the family does not get good care, or someone takes their money.
public-familielid-do-1 = Find a quiet moment alone with that person. Say that you are worried and that you want to help.
public-familielid-do-2 = Listen. Do not blame. Do not push if someone does not want to talk yet.
public-familielid-do-3 = Call Veilig Thuis. They think along with you about what you can do.
public-familielid-note = Stay in touch, even if it takes a long time. That helps more than you think.

public-collega-title = Worried about a colleague
public-collega-intro = You see your colleague often. So you may be the first to notice that something is wrong.
public-collega-sign-1 = Your colleague is often late or ill, or keeps having to go home early.
public-collega-sign-2 = Your colleague has wounds or bruises, and a strange story about them.
public-collega-sign-3 = The partner calls often, or turns up at work unexpectedly.
public-collega-do-1 = Calmly ask how things are, when the two of you are alone.
public-collega-do-2 = Listen and believe what your colleague tells you. Do not pass it on without asking first.
public-collega-do-3 = Call Veilig Thuis for advice. Or talk to your manager, if your colleague agrees.
public-collega-note = Is your colleague in danger right now? Call 112.

public-werknemer-title = Worried about an employee
public-werknemer-intro = You are an employer or a manager. An employee is not doing well, and you think of violence at home.
public-werknemer-sign-1 = Your employee is often absent, or suddenly works much less well.
public-werknemer-sign-2 = Your employee has wounds, or is afraid and quiet.
public-werknemer-sign-3 = Someone at home checks on your employee, for example by calling all the time.
public-werknemer-do-1 = Talk to your employee, just the two of you. Say what you see, without judging.
public-werknemer-do-2 = Offer support: time off for an appointment with a care worker, other working hours, a safe place at work.
public-werknemer-do-3 = Ask Veilig Thuis for advice. Does your organisation have a reporting code (meldcode)? Then follow its steps.
public-werknemer-note = Read more on the page for employers:

public-kind-title = Worried about a child
public-kind-intro = A child often cannot protect itself. So your worries matter, even if you are not sure.
public-kind-sign-1 = The child often has bruises or wounds.
public-kind-sign-2 = The child is afraid, very quiet or very angry.
public-kind-sign-3 = The child is often hungry or has dirty clothes, or is often home alone.
public-kind-do-1 = Does a child tell you something? Stay calm and listen. Say it is good that the child tells you this.
public-kind-do-2 = Do not promise to keep it secret. Say that you are going to ask for help.
public-kind-do-3 = Call Veilig Thuis. Together you talk about what is best for the child.
public-kind-note = Children can talk to De Kindertelefoon (the children's helpline) themselves, free and anonymously:

# When to call 112 and when Veilig Thuis.
public-call-title = Do I call 112 or Veilig Thuis?
public-call-intro = Is there danger right now? Then call 112. Are you worried, but there is no danger right now? Then call Veilig Thuis.
public-call-112-title = Call 112 when there is danger now
public-call-112-text = Is there danger right now? For example: someone is being hit or threatened right now, someone is hurt, or you hear someone calling for help. Then call 112 at once.
public-call-112-doubt = Not sure whether it is dangerous right now? Then call 112 as well.
public-call-112-link = Call 112
public-call-vt-title = Call Veilig Thuis when you are worried
public-call-vt-text = Is there no danger right now, but are you worried? Or in doubt? Then call Veilig Thuis. Veilig Thuis helps with domestic violence, child abuse and elder abuse.
public-call-vt-free = Calling is free.
public-call-vt-always = You can call day and night, also at the weekend.
public-call-vt-anonymous = You may ask for advice without giving your name.
public-call-vt-report = You can also make a report (melding). Then Veilig Thuis takes action itself.
public-call-vt-link = Call Veilig Thuis: { $number }
public-call-site-title = More information
public-call-site-text = You can read more on the Veilig Thuis website (in Dutch).
public-call-police-title = Police, no emergency
public-call-police-text = Do you want to talk to the police, but it is not urgent? Then call the police's ordinary number.

# What happens after you call Veilig Thuis.
public-after-title = What happens when I call Veilig Thuis?
public-after-intro = Calling Veilig Thuis is not scary. You decide yourself what you tell.
public-after-listen-title = Someone listens to you
public-after-listen = A Veilig Thuis worker answers the phone. They listen to your story and ask questions. Feel free to say when you are not sure about something.
public-after-advice-title = You can ask for advice
public-after-advice = You do not have to give your name. You do not have to give the family's name either. You get tips about what you can do yourself. Veilig Thuis then does not go to the family.
public-after-report-title = You can also make a report
public-after-report = In a report (melding) you say who it is about. Veilig Thuis then checks whether everyone is safe. Sometimes they investigate. They then talk to the family, and sometimes to others, such as the school or the family doctor.
public-after-name-title = Is my name kept secret?
public-after-name = When you make a report, you give your name to Veilig Thuis. Veilig Thuis does not tell the family who made the report, unless you agree.
public-after-feedback-title = Will I hear back?
public-after-feedback = After a report, Veilig Thuis usually tells you what they do with it. They may not tell you everything about the family.
public-after-together-title = Who else helps?
public-after-together = Veilig Thuis works together with the municipality's local team, the family doctor, the police and other care workers. So the family gets the help that fits.

# For employers.
public-employers-title = Information for employers
public-employers-intro = Violence at home does not stop at the front door. You notice it at work too. As an employer or manager you can do a lot.
public-employers-signs-title = What can you look out for?
public-employers-sign-1 = Someone is often late or often ill.
public-employers-sign-2 = Someone has bruises or wounds, and a strange story about them.
public-employers-sign-3 = Someone is quiet, afraid or startles easily.
public-employers-sign-4 = A partner calls all the time, or waits at work.
public-employers-do-title = What can you do?
public-employers-do-1 = Talk calmly with your employee, just the two of you. Say what you see.
public-employers-do-2 = Listen and do not judge. Ask what your employee needs.
public-employers-do-3 = Give room, for example time off for an appointment with a care worker.
public-employers-do-4 = Ask Veilig Thuis for advice. You can do so without giving names.
public-employers-meldcode-title = The reporting code (meldcode)
public-employers-meldcode = Does your organisation work in health care, education, childcare, youth care, social care or justice? Then your organisation must have a reporting code (meldcode). It says step by step what you do when you are worried. Follow those steps.
public-employers-no-meldcode = Does your organisation have no reporting code? You may always ask Veilig Thuis for advice or make a report.
public-employers-migrants-title = Employees from other countries
public-employers-migrants = Many people in this region come from other countries, such as Poland, Romania and Bulgaria. They often do not know the help in the Netherlands. Because of the language they sometimes do not dare to call. Tell them that Veilig Thuis is free and that they can ask for advice anonymously.
public-employers-migrants-share = These pages are also in Dutch, Polish, Romanian and Bulgarian. Choose the language at the top of the page and share the link with your employees.
public-employers-migrants-interpreter = Does your employee not speak Dutch? Ask Veilig Thuis whether an interpreter can help.
