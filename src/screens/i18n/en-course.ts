/**
 * The course's pages (src/screens/course-page.ts, lesson.ts, profile-chart.ts) and the menu's way
 * into them. In English, the source of truth: en.ts spreads these keys into the one catalogue, and
 * es-course.ts gives the same keys in Spanish.
 */
export const course = {
  'course.title': 'The course',
  'course.back': '← All scenarios',
  'course.toCourse': '← The course',
  'course.lede':
    'One chapter per move of the method. Each opens with a short lesson, then two or three calls. Pass a chapter on its move to open the next.',
  'course.passedCount': '{passed} of {count} chapters passed',
  'course.none': 'There is no course in this library.',
  'course.broken':
    'The course file has problems, so the course is not shown. Trainers: run npm run scenarios:check.',
  'course.chapter': 'Chapter {number}',
  'course.move.cool': 'Keeping cool',
  'course.move.mixed': 'Every move',
  'course.status.passed': 'Passed',
  'course.status.open': 'Open',
  'course.status.locked': 'Locked',
  'course.lockedWhy': 'Pass “{title}” to open this chapter.',
  'course.open': 'Open chapter {number}: {title}',
  'course.pass.share':
    'Pass: take {share}% of the moments that call for {move} (at least two, where the call asks more than once) in one of this chapter’s calls.',
  'course.pass.donts.one':
    'Pass: finish one of this chapter’s calls taking the bait at most once (arguing, attacking, mocking, defending or threatening), with a grade C or better.',
  'course.pass.donts.other':
    'Pass: finish one of this chapter’s calls taking the bait at most {count} times (arguing, attacking, mocking, defending or threatening), with a grade C or better.',
  'course.pass.noBait':
    'Pass: finish one of this chapter’s calls without taking the bait (no arguing, attacking, mocking, defending or threatening), with a grade C or better.',
  'course.pass.total': 'Pass: score {total} or more in one of this chapter’s calls.',
  'course.mark.share': 'Best: {value}% of the {move} moments',
  'course.mark.donts.one': 'Best: took the bait {count} time',
  'course.mark.donts.other': 'Best: took the bait {count} times',
  'course.mark.total': 'Best: {value}',
  'course.mark.none': 'Not played yet',
  'course.mark.passed': 'passed',
  'course.continue': 'Continue: {title}',
  'course.done': 'Every chapter is passed. Keep your moves sharp with Practise next, or take a shift.',
  'course.calls': 'Calls in this chapter',
  'course.play': 'Play {title}',
  'course.menu.title': 'The course',
  'course.menu.where': 'Chapter {number} of {count}: {title}',
  'course.menu.all': 'See all chapters',
  // The lesson
  'lesson.title': 'Lesson',
  'lesson.watch': '1. Watch the moment',
  'lesson.watch.about': 'The same moment, answered two ways. Play each answer and see what it does.',
  'lesson.playBad': 'Play a poor answer',
  'lesson.playGood': 'Now a better answer',
  'lesson.you': 'You',
  'lesson.then': 'Then',
  'lesson.ended': '(the call ends)',
  'lesson.mood': '{name} feels: {mood} (anger {anger})',
  'lesson.moodChange': 'Anger {before} → {after}',
  'lesson.why.bad': 'What went wrong',
  'lesson.why.good': 'What worked',
  'lesson.broke': 'Broke: {donts}',
  'lesson.used': 'Used: {moves}',
  'lesson.try': '2. Your turn',
  'lesson.try.about': 'Another customer, another moment. How would you answer?',
  'lesson.try.group': 'Your answer to try',
  'lesson.right': 'That’s the move.',
  'lesson.wrong': 'Not quite. Try another answer.',
  'lesson.takeaway': 'To remember',
  'lesson.toCalls': 'Now the calls',
  // Practise next
  'practise.eyebrow': 'Practise next',
  'practise.dont':
    ' It tempts a don’t you broke in {calls} of your last {of} calls, “{dont}”: practise not doing it.',
  // The skills profile
  'profile.title': 'Your skills',
  'profile.about':
    'Each move over your recent calls (the share of its moments you took, over the last {window} calls at each point), and the don’ts you broke in each call.',
  'profile.empty': 'Finish a call to see your skills here.',
  'profile.weakest': 'Your weakest move: {move}, {hits} of {chances} moments.',
  'profile.frequent': 'Your most frequent don’t: “{dont}”, in {calls} of your last {of} calls.',
  'profile.noDonts': 'No don’ts broken in your recent calls.',
  'profile.donts': 'Don’ts per call',
  'profile.dontsRow': 'Don’ts per call, oldest first: {counts}',
  'profile.chart': 'Chart of your moves over your last {count} calls',
} as const;
