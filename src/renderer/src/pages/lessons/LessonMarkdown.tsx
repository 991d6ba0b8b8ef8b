import { Anchor, Code, Text, Title, Typography } from '@mantine/core';
import Markdown, { type Components } from 'react-markdown';
import { joinCjkLines } from './cjk-lines';

/**
 * Lesson prose. Raw HTML in the Markdown is dropped (skipHtml), and react-markdown's URL filter
 * drops javascript: and other unsafe links; the rest open outside the app.
 */
const components: Components = {
  a: ({ href, children }) => (
    <Anchor href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </Anchor>
  ),
  h1: ({ children }) => (
    <Title order={3} fz="md">
      {children}
    </Title>
  ),
  h2: ({ children }) => (
    <Title order={3} fz="md">
      {children}
    </Title>
  ),
  h3: ({ children }) => (
    <Title order={4} fz="sm">
      {children}
    </Title>
  ),
  code: ({ children }) => <Code>{children}</Code>,
  p: ({ children }) => (
    <Text size="sm" my={6}>
      {children}
    </Text>
  ),
};

export function LessonMarkdown({ text }: { text: string }) {
  return (
    <Typography p={0} fz="sm">
      <Markdown skipHtml components={components}>
        {joinCjkLines(text)}
      </Markdown>
    </Typography>
  );
}
